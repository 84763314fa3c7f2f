import type { Exchange } from '../http/exchange';
import { html as htmlResponse } from '../http/exchange';
import type { ResolvedOptions } from '../options';
import { SafeHtml, html } from '../security/html';
import { STYLES } from './styles';

export function page(
  exchange: Exchange,
  options: ResolvedOptions,
  title: string,
  body: SafeHtml,
  status = 200,
  wide = false,
): Response {
  const document = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} · ${options.appName}</title>
<style>${new SafeHtml(STYLES)}</style>
</head>
<body>
<main class="${wide ? 'wide' : ''}"><div class="card">${body}</div>
<footer class="muted">Secured by Orbital</footer></main>
</body>
</html>`;
  return htmlResponse(exchange, document.value, status);
}

export function errorPage(
  exchange: Exchange,
  options: ResolvedOptions,
  status: number,
  title: string,
  message: string,
): Response {
  return page(exchange, options, title, html`<h1>${title}</h1><p class="alert" role="alert">${message}</p>`, status);
}

/** An error message tied to the form it belongs to, announced to screen readers. */
export function alert(message: string | null | undefined): SafeHtml {
  return html`${message ? html`<p class="alert" role="alert" id="form-error">${message}</p>` : ''}`;
}
