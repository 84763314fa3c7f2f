// The script-tag build: `<script src=".../orbital.browser.js" data-orbital-publishable-key="pk_…">`
// exposes `window.Orbital`, an instance; call `await Orbital.load(options)` with any other option.
import { Orbital } from './orbital';

const script = document.currentScript as HTMLScriptElement | null;
const publishableKey = script?.getAttribute('data-orbital-publishable-key');
if (!publishableKey) {
  console.error('[orbital] Add data-orbital-publishable-key="pk_…" to the Orbital <script> tag.');
} else {
  (window as unknown as { Orbital: Orbital }).Orbital = new Orbital(publishableKey, {
    proxyUrl: script?.getAttribute('data-orbital-proxy-url') ?? undefined,
  });
}
