/**
 * The URL the browser asked for. Frameworks often hand middleware a URL built from the address the
 * server listens on (`http://localhost:3000`), not the host the browser used; redirects and
 * handshake payloads must name the latter. Reads `X-Forwarded-Host` / `X-Forwarded-Proto` (set by
 * proxies) and `Host`.
 */
export function publicUrl(request: Request): URL {
  const url = new URL(request.url);
  const host = firstValue(request.headers.get('x-forwarded-host')) ?? request.headers.get('host');
  const proto = firstValue(request.headers.get('x-forwarded-proto'));
  if (host && /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i.test(host)) url.host = host;
  if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
  return url;
}

/** The same request, addressed by its public URL. */
export function withPublicUrl(request: Request): Request {
  const url = publicUrl(request);
  return url.href === request.url ? request : new Request(url, request);
}

function firstValue(header: string | null): string | undefined {
  return header?.split(',')[0]?.trim() || undefined;
}
