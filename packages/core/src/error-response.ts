import { isDocumentRequest } from './authenticate-request';
import type { OrbitalErrorCode } from './errors';

/**
 * A failure answered to a person or a program: a small page naming what happened and its code for
 * a page load, `{ error: { code, message } }` for everything else; `detail` (development) only in the page.
 */
export function errorResponse(
  request: Request,
  failure: {
    status: number;
    code: OrbitalErrorCode;
    title: string;
    message: string;
    detail?: string | null;
    headers?: Record<string, string>;
  },
): Response {
  const headers = { 'cache-control': 'no-store', ...failure.headers };
  if (!isDocumentRequest(request))
    return Response.json(
      { error: { code: failure.code, message: failure.message } },
      { status: failure.status, headers },
    );
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(failure.title)}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1 style="font-size:1.25rem">${escapeHtml(failure.title)}</h1><p>${escapeHtml(failure.message)}</p>${failure.detail ? `<p data-orbital-detail><strong>For the developer:</strong> ${escapeHtml(failure.detail)}</p>` : ''}<p><small>${failure.code}</small></p></body></html>`;
  return new Response(page, {
    status: failure.status,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
  });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
