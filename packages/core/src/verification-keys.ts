import { OrbitalError, TokenVerificationError } from './errors';
import type { JwtPayload } from './jwt';
import { importVerificationKey, pemToJwk, type VerificationKey } from './signature';

export interface Jwks {
  keys: Array<JsonWebKey & { kid?: string; alg?: string }>;
}

/** Where an app server gets the auth server's public keys. */
export interface KeySource {
  /**
   * The public key(s) as a PEM (`-----BEGIN PUBLIC KEY-----`), a JWK or a JWKS JSON string.
   * Verification then needs no network call (`ORBITAL_JWT_KEY`).
   */
  jwtKey?: string | undefined;
  /** A JWKS, or a function returning the current one (an auth server in the same process). */
  jwks?: Jwks | (() => Promise<Jwks>) | undefined;
  /** Fetched once, and again when a token names a key not seen yet (at most every 5 s). */
  jwksUrl?: string | undefined;
}

const RELOAD_INTERVAL_MS = 5_000;
const CACHE_LIMIT = 10_000;

/**
 * The public keys of one auth server, with the tokens they have already verified. Verifying a
 * signature is the expensive part of every request; a token seen before is looked up instead.
 */
export class KeySet {
  private keys = new Map<string, VerificationKey>();
  private anyKid: VerificationKey | undefined;
  private loaded: Promise<void> | undefined;
  private lastLoad = 0;
  private readonly verified = new Map<string, JwtPayload>();

  constructor(
    private readonly source: KeySource,
    private readonly clock: () => number = Date.now,
  ) {
    if (!source.jwtKey && !source.jwks && !source.jwksUrl) {
      throw new OrbitalError(
        'configuration_invalid',
        'No way to verify session tokens: set jwtKey (ORBITAL_JWT_KEY), jwks or jwksUrl.',
      );
    }
  }

  /** The key for `kid`; reloads a dynamic source once when the kid is new (key rotation). */
  async get(kid: string | undefined): Promise<VerificationKey> {
    const known = this.lookup(kid);
    if (known) return known;
    if (!this.loaded || (this.isDynamic() && this.clock() - this.lastLoad > RELOAD_INTERVAL_MS)) {
      this.loaded = this.load();
    }
    await this.loaded;
    const key = this.lookup(kid);
    if (!key) {
      throw new TokenVerificationError(
        'token_kid_unknown',
        `The token was signed with key "${String(kid)}", which this app server does not know. Check that ORBITAL_JWT_KEY (or the JWKS URL) belongs to the same auth server.`,
      );
    }
    return key;
  }

  /** Payload of a token whose signature this key set already verified. */
  cached(token: string): JwtPayload | undefined {
    return this.verified.get(token);
  }

  remember(token: string, payload: JwtPayload): void {
    if (this.verified.size >= CACHE_LIMIT) this.evict();
    this.verified.set(token, payload);
  }

  private lookup(kid: string | undefined): VerificationKey | undefined {
    return (kid !== undefined ? this.keys.get(kid) : undefined) ?? this.anyKid;
  }

  private isDynamic(): boolean {
    return Boolean(this.source.jwksUrl || typeof this.source.jwks === 'function');
  }

  private async load(): Promise<void> {
    this.lastLoad = this.clock();
    const jwks = await this.fetchJwks();
    const keys = new Map<string, VerificationKey>();
    for (const jwk of jwks.keys) {
      const key = await importVerificationKey(jwk);
      if (key.kid === undefined) this.anyKid = key;
      else keys.set(key.kid, key);
    }
    this.keys = keys;
  }

  private async fetchJwks(): Promise<Jwks> {
    const { jwtKey, jwks, jwksUrl } = this.source;
    if (jwtKey) return parseJwtKey(jwtKey);
    if (typeof jwks === 'function') return jwks();
    if (jwks) return jwks;
    try {
      const response = await fetch(jwksUrl!, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as Jwks;
    } catch (cause) {
      this.loaded = undefined;
      throw new OrbitalError(
        'jwks_unavailable',
        `Could not load the auth server's public keys from ${jwksUrl}: ${(cause as Error).message}. Set ORBITAL_JWT_KEY to verify tokens with no network call.`,
        { cause },
      );
    }
  }

  private evict(): void {
    const now = this.clock() / 1000;
    for (const [token, payload] of this.verified) {
      if (typeof payload.exp !== 'number' || payload.exp < now) this.verified.delete(token);
    }
    // Still full of live tokens: drop the oldest quarter (Map keeps insertion order).
    let excess = this.verified.size - CACHE_LIMIT * 0.75;
    for (const token of this.verified.keys()) {
      if (excess-- <= 0) break;
      this.verified.delete(token);
    }
  }
}

async function parseJwtKey(value: string): Promise<Jwks> {
  const text = value.trim();
  if (text.startsWith('-----BEGIN')) return { keys: [await pemToJwk(text.replace(/\\n/g, '\n'))] };
  try {
    const parsed = JSON.parse(text) as Jwks | (JsonWebKey & { kid?: string });
    return 'keys' in parsed && Array.isArray(parsed.keys) ? parsed : { keys: [parsed as JsonWebKey] };
  } catch {
    throw new OrbitalError(
      'configuration_invalid',
      'ORBITAL_JWT_KEY is neither a PEM public key nor JWK/JWKS JSON. Copy it again from the auth server output or its /.well-known/jwks.json.',
    );
  }
}

const byString = new Map<string, KeySet>();
const byObject = new WeakMap<object, KeySet>();

/** One KeySet per distinct source, so that verified tokens are shared across calls with equal options. */
export function keySetFor(source: KeySource): KeySet {
  if (source.jwks) {
    let set = byObject.get(source.jwks);
    if (!set) byObject.set(source.jwks, (set = new KeySet(source)));
    return set;
  }
  const id = source.jwtKey ?? `url:${source.jwksUrl}`;
  let set = byString.get(id);
  if (!set) byString.set(id, (set = new KeySet(source)));
  return set;
}
