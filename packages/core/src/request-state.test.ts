import { describe, expect, it } from 'vitest';
import { decideRequestState, describeHandshakeFailure, type RequestFacts } from './request-state';

const valid = { kind: 'valid', iat: 100 } as const;
const expired = { kind: 'invalid', code: 'token_expired' } as const;
const badSignature = { kind: 'invalid', code: 'token_signature_invalid' } as const;
const missing = { kind: 'missing' } as const;

describe('request state machine', () => {
  it.each<[string, Partial<RequestFacts>, ReturnType<typeof decideRequestState>]>([
    ['valid token, no uat cookie', { token: valid, clientUat: null }, { status: 'signed-in' }],
    ['valid token, uat before it', { token: valid, clientUat: 90 }, { status: 'signed-in' }],
    ['valid token, uat at its iat', { token: valid, clientUat: 100 }, { status: 'signed-in' }],
    [
      'valid token, client changed since',
      { token: valid, clientUat: 150 },
      { status: 'handshake', reason: 'token_outdated' },
    ],
    [
      'valid token, client signed out',
      { token: valid, clientUat: 0 },
      { status: 'signed-out', reason: 'client_signed_out' },
    ],
    [
      'expired token, signed-in client',
      { token: expired, clientUat: 50 },
      { status: 'handshake', reason: 'token_expired' },
    ],
    [
      'bad token, signed-in client',
      { token: badSignature, clientUat: 50 },
      { status: 'handshake', reason: 'token_invalid' },
    ],
    ['no token, signed-in client', { token: missing, clientUat: 50 }, { status: 'handshake', reason: 'token_missing' }],
    ['no token, no client', { token: missing, clientUat: null }, { status: 'signed-out', reason: 'signed_out' }],
    ['no token, signed-out client', { token: missing, clientUat: 0 }, { status: 'signed-out', reason: 'signed_out' }],
    [
      'expired token, signed-out client',
      { token: expired, clientUat: 0 },
      { status: 'signed-out', reason: 'signed_out' },
    ],
    [
      'bad token, no client',
      { token: badSignature, clientUat: null },
      { status: 'signed-out', reason: 'token_invalid' },
    ],
    [
      'API request, expired token',
      { token: expired, clientUat: 50, canRedirect: false },
      { status: 'signed-out', reason: 'token_expired' },
    ],
    [
      'API request, no token',
      { token: missing, clientUat: 50, canRedirect: false },
      { status: 'signed-out', reason: 'token_missing' },
    ],
    [
      'API request, outdated token',
      { token: valid, clientUat: 150, canRedirect: false },
      { status: 'signed-out', reason: 'token_outdated' },
    ],
    [
      'third handshake in a row',
      { token: missing, clientUat: 50, handshakeAttempts: 3 },
      { status: 'signed-out', reason: 'handshake_loop' },
    ],
    [
      'second handshake in a row',
      { token: missing, clientUat: 50, handshakeAttempts: 2 },
      { status: 'handshake', reason: 'token_missing' },
    ],
    [
      'loop counter does not affect a signed-in request',
      { token: valid, clientUat: 50, handshakeAttempts: 9 },
      { status: 'signed-in' },
    ],
  ])('%s', (_, facts, expected) => {
    expect(
      decideRequestState({ token: missing, clientUat: null, canRedirect: true, handshakeAttempts: 0, ...facts }),
    ).toEqual(expected);
  });
});

describe('handshake failure diagnostics', () => {
  it.each([
    ['token_signature_invalid', 'keys do not match'],
    ['token_kid_unknown', 'keys do not match'],
    ['token_not_active_yet', 'clock skew'],
    ['handshake_expired', 'clock skew'],
    ['handshake_origin_mismatch', 'redirect origin not allowed'],
    ['token_missing', 'cookies blocked'],
  ] as const)('%s -> %s', (code, cause) => {
    expect(describeHandshakeFailure(code)).toMatch(new RegExp(`^${cause}`));
  });
});
