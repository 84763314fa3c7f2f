import type { InstanceMode } from '../api-keys';
import type { ServerDiagnostic } from './auth-state';

const BANNER_ID = 'orbital-dev-banner';

/**
 * Tells the developer, in the browser, why the server rendered this page signed out (a handshake
 * that failed, the loop guard, a refused sync): the same cause as the server log, on the console
 * and — in development — in a small dismissible banner, so that a signed-in avatar drawn by the
 * browser client over a signed-out page never goes unexplained. Production stays silent here:
 * the cause is for the operator's log, not for visitors.
 */
export function showServerDiagnostic(diagnostic: ServerDiagnostic | null | undefined, mode: InstanceMode): void {
  if (!diagnostic || mode !== 'development' || typeof document === 'undefined') return;
  console.error(`[orbital] The server rendered this page signed out (${diagnostic.reason}): ${diagnostic.message}`);
  if (document.getElementById(BANNER_ID)) return;
  const banner = document.createElement('div');
  banner.id = BANNER_ID;
  banner.setAttribute('role', 'alert');
  banner.dataset.testid = BANNER_ID;
  banner.dataset.reason = diagnostic.reason;
  banner.style.cssText =
    'position:fixed;left:12px;right:12px;bottom:12px;z-index:2147483647;padding:10px 40px 10px 14px;border-radius:8px;background:#fff4e5;color:#5c3b00;border:1px solid #f0b45b;font:13px/1.45 system-ui,sans-serif;box-shadow:0 4px 16px rgba(0,0,0,.15)';
  const title = document.createElement('strong');
  title.textContent = 'Orbital (development): this page was rendered signed out. ';
  const text = document.createElement('span');
  text.textContent = diagnostic.message;
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Dismiss');
  close.style.cssText =
    'position:absolute;top:6px;right:10px;border:0;background:none;font-size:18px;cursor:pointer;color:inherit';
  close.addEventListener('click', () => banner.remove());
  banner.append(title, text, close);
  document.body.append(banner);
}
