import type { Orbital } from '@orbital/core/browser';

let current: Orbital | undefined;

/** The provider's browser client, for code that runs outside React (route guards). */
export function registerBrowserClient(orbital: Orbital): void {
  current = orbital;
}

export function browserClient(): Orbital | undefined {
  return current;
}
