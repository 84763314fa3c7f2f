const NodeBuffer = (globalThis as { Buffer?: typeof import('node:buffer').Buffer }).Buffer;
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function base64UrlEncode(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? encoder.encode(input) : input;
  if (NodeBuffer) return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes strict base64url (no padding, no other alphabet); returns null for anything else. */
export function base64UrlDecode(input: string): Uint8Array | null {
  if (!BASE64URL.test(input) || input.length % 4 === 1) return null;
  if (NodeBuffer) return NodeBuffer.from(input, 'base64url');
  const binary = atob(input.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64UrlDecodeText(input: string): string | null {
  // Node's Buffer decodes several times faster than TextDecoder; U+FFFD marks invalid UTF-8.
  if (NodeBuffer) {
    if (!BASE64URL.test(input) || input.length % 4 === 1) return null;
    const text = NodeBuffer.from(input, 'base64url').toString('utf8');
    return text.includes('\ufffd') ? null : text;
  }
  const bytes = base64UrlDecode(input);
  if (!bytes) return null;
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

export function utf8(input: string): Uint8Array {
  return NodeBuffer ? NodeBuffer.from(input, 'utf8') : encoder.encode(input);
}
