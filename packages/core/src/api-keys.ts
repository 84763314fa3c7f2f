import { base64UrlDecodeText, base64UrlEncode } from './base64url';
import { ConfigurationError } from './errors';

export type InstanceMode = 'development' | 'production';

export interface PublishableKey {
  mode: InstanceMode;
  /** The auth server's public base URL, without a trailing slash (e.g. `https://example.com/api/auth`). */
  authServerUrl: string;
}

const PREFIX = { development: 'pk_test_', production: 'pk_live_' } as const;
const SECRET_PREFIX = { development: 'sk_test_', production: 'sk_live_' } as const;
const SECRET_BODY = /^[A-Za-z0-9_-]{43,}$/;

/** Encodes an auth server URL as a publishable key, e.g. `pk_test_aHR0cDovL2xvY2FsaG9zdDo0MDAwJA`. */
export function createPublishableKey(authServerUrl: string, mode: InstanceMode): string {
  return PREFIX[mode] + base64UrlEncode(`${normalizeAuthServerUrl(authServerUrl, mode, 'authServerUrl')}$`);
}

/**
 * Reads the mode and auth server URL out of a publishable key. `source` names where the key came
 * from (an option or env var) so the error can point at it.
 */
export function parsePublishableKey(key: string | undefined | null, source = 'publishableKey'): PublishableKey {
  if (!key) {
    throw new ConfigurationError(
      'publishable_key_missing',
      `Missing publishable key: set ${source} to the pk_test_… or pk_live_… key printed by your Orbital auth server.`,
    );
  }
  const trimmed = key.trim();
  const mode: InstanceMode | null = trimmed.startsWith(PREFIX.development)
    ? 'development'
    : trimmed.startsWith(PREFIX.production)
      ? 'production'
      : null;
  const decoded = mode ? base64UrlDecodeText(trimmed.slice(PREFIX[mode].length)) : null;
  if (!mode || !decoded || !decoded.endsWith('$')) {
    throw new ConfigurationError(
      'publishable_key_invalid',
      `${source} is not a valid Orbital publishable key (expected pk_test_… or pk_live_…, got "${trimmed.slice(0, 12)}…"). Copy it again from your auth server's output.`,
    );
  }
  return { mode, authServerUrl: normalizeAuthServerUrl(decoded.slice(0, -1), mode, source) };
}

/** Generates a new secret key for server-to-server calls. */
export function createSecretKey(mode: InstanceMode): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return SECRET_PREFIX[mode] + base64UrlEncode(bytes);
}

/** Checks a secret key's shape and that its mode matches the publishable key's. */
export function parseSecretKey(
  key: string | undefined | null,
  expectedMode: InstanceMode | undefined,
  source = 'secretKey',
): { mode: InstanceMode; key: string } {
  if (!key) {
    throw new ConfigurationError(
      'secret_key_missing',
      `Missing secret key: set ${source} to the sk_test_… or sk_live_… key printed by your Orbital auth server.`,
    );
  }
  const trimmed = key.trim();
  const mode: InstanceMode | null = trimmed.startsWith(SECRET_PREFIX.development)
    ? 'development'
    : trimmed.startsWith(SECRET_PREFIX.production)
      ? 'production'
      : null;
  if (!mode || !SECRET_BODY.test(trimmed.slice(8))) {
    throw new ConfigurationError(
      'secret_key_invalid',
      `${source} is not a valid Orbital secret key (expected sk_test_… or sk_live_…). Copy it again from your auth server's output.`,
    );
  }
  if (expectedMode && mode !== expectedMode) {
    throw new ConfigurationError(
      'key_mode_mismatch',
      `${source} is a ${mode} key but the publishable key is a ${expectedMode} key: use the pair from the same Orbital instance.`,
    );
  }
  return { mode, key: trimmed };
}

function normalizeAuthServerUrl(value: string, mode: InstanceMode, source: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigurationError(
      'publishable_key_invalid',
      `${source} does not contain a valid auth server URL ("${value}").`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(
      'publishable_key_invalid',
      `${source}: the auth server URL must be http(s), got "${url.protocol}".`,
    );
  }
  if (mode === 'production' && url.protocol !== 'https:') {
    throw new ConfigurationError(
      'publishable_key_invalid',
      `${source}: a production (pk_live_) instance must be served over https, got "${url.origin}".`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigurationError(
      'publishable_key_invalid',
      `${source}: the auth server URL must not carry credentials, a query or a fragment.`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}
