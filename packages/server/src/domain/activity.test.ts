import { describe, expect, it } from 'vitest';
import { Browser, testServer } from '../../test/harness';
import { createMemoryStore } from '../store/memory-store';

function countingStore() {
  const store = createMemoryStore();
  let writes = 0;
  const touchSession = store.touchSession.bind(store);
  store.touchSession = async (id, now) => {
    writes++;
    return touchSession(id, now);
  };
  return { store, writes: () => writes };
}

describe('activity tracking', () => {
  it('writes last activity at most once a minute however many tokens are minted', async () => {
    const counted = countingStore();
    const { server, clock } = testServer({ store: counted.store });
    const browser = new Browser(server);
    const id = (await browser.signUp('busy@example.com')).body.sessionId;
    for (let i = 0; i < 1000; i++) {
      clock.advance(1); // a token a second for 1,000 s, as a very busy app would mint
      expect((await browser.token(id)).status).toBe(200);
    }
    // 1,000 refreshes: 16 writes (one per minute) instead of 1,000
    expect(counted.writes()).toBe(16);
  });

  it('ends an idle session by its inactivity deadline, at most one write interval early, never late', async () => {
    const counted = countingStore();
    const { server, clock } = testServer({
      store: counted.store,
      lifetime: { inactivityTimeout: 100, maximumLifetime: 10_000 },
    });
    const browser = new Browser(server);
    const id = (await browser.signUp('idle@example.com')).body.sessionId;
    for (let i = 0; i < 25; i++) {
      clock.advance(1);
      await browser.token(id);
    }
    // last token at t=25, so the deadline is t=125; the write interval is 10 s
    clock.advance(90); // t=115: within the deadline minus one interval, still alive
    expect((await browser.json('/v1/client')).body.client.sessions).toHaveLength(1);
    clock.advance(10); // t=125: the deadline, ended
    expect((await browser.json('/v1/client')).body.client.sessions).toHaveLength(0);
    expect(counted.writes()).toBe(2);
  });
});
