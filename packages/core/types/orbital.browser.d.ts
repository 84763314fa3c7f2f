// The script-tag build exports nothing: it sets `window.Orbital`, an instance of the browser client.
import type { Orbital } from '../dist/browser.js';

declare global {
  interface Window {
    Orbital?: Orbital;
  }
}

export {};
