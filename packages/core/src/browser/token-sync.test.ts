import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../errors';
import type { TokenManager } from './token-manager';
import { RETRY_AFTER_MS, createTokenSync, type ActiveSession } from './token-sync';

function fakeTokens(refreshIn: number | null = 45) {
  return {
    get: vi.fn(async () => 'jwt'),
    refreshAhead: vi.fn(async () => 'jwt'),
    refreshIn: vi.fn(() => refreshIn),
    clear: vi.fn(),
  };
}

function setup(active: ActiveSession | null = { sessionId: 'sess_1', organizationId: null }) {
  const tokens = fakeTokens();
  const clearCookie = vi.fn();
  const onSessionEnded = vi.fn(async () => {});
  const sync = createTokenSync(tokens as unknown as TokenManager, () => active, clearCookie, onSessionEnded);
  return { tokens, clearCookie, onSessionEnded, sync };
}

describe('token sync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('clears the session cookie when signed out, and asks for no token', async () => {
    const { tokens, clearCookie, sync } = setup(null);
    await sync.sync();
    expect(clearCookie).toHaveBeenCalledOnce();
    expect(tokens.get).not.toHaveBeenCalled();
  });

  it('fetches the active session’s token now and refreshes it ahead of expiry, for the organization it acts for', async () => {
    const { tokens, sync } = setup({ sessionId: 'sess_1', organizationId: 'org_1' });
    await sync.sync();
    expect(tokens.get).toHaveBeenCalledWith('sess_1', 'org_1');
    await vi.advanceTimersByTimeAsync(44_000);
    expect(tokens.refreshAhead).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(tokens.refreshAhead).toHaveBeenCalledWith('sess_1', 'org_1');
    sync.stop();
  });

  it('hands a session the auth server no longer knows (401, 404) to onSessionEnded, once, without retrying', async () => {
    const { tokens, onSessionEnded, sync } = setup();
    tokens.get.mockRejectedValueOnce(new ApiError(401, 'session_ended', 'gone'));
    await sync.sync();
    expect(onSessionEnded).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS * 2);
    expect(tokens.get).toHaveBeenCalledOnce();
  });

  it('keeps the state after a network error or a 5xx and tries again after a pause, not in a loop', async () => {
    const { tokens, onSessionEnded, sync } = setup();
    tokens.get.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    tokens.get.mockRejectedValueOnce(new ApiError(503, 'store_unavailable', 'down'));
    await sync.sync();
    expect(tokens.get).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS);
    expect(tokens.get).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS);
    expect(tokens.get).toHaveBeenCalledTimes(3);
    expect(onSessionEnded).not.toHaveBeenCalled();
    sync.stop();
  });

  it('stops: no refresh after destroy', async () => {
    const { tokens, sync } = setup();
    await sync.sync();
    sync.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(tokens.refreshAhead).not.toHaveBeenCalled();
  });
});
