import { useSyncExternalStore } from 'react';

const noSubscribe = () => () => {};

/**
 * False during server rendering and hydration, true once React owns the page. Controls stay disabled
 * until then: a click before hydration would do nothing, and a form submit would be a native GET
 * that drops what the user typed.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
