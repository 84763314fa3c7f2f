import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStallGuard } from './stall-guard';

class Unavailable extends Error {}

/** A dependency the test answers by hand: calls wait until `answer()` or forever. */
function dependency() {
  const pending: Array<() => void> = [];
  let reachable = true;
  return {
    call: () => new Promise<string>((resolve) => pending.push(() => resolve('answer'))),
    answerAll: () => pending.splice(0).forEach((answer) => answer()),
    probe: () => (reachable ? Promise.resolve() : new Promise<void>(() => {})), // a hung dependency never answers
    set reachable(value: boolean) {
      reachable = value;
    },
  };
}

describe('stall guard', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  const guardFor = (dep: ReturnType<typeof dependency>, onChange = vi.fn()) =>
    createStallGuard({
      stallAfter: 500,
      probeEvery: 1_000,
      probe: dep.probe,
      unavailable: (cause) => new Unavailable(cause.message),
      onChange,
    });

  it('lets slow calls finish while the dependency keeps answering others', async () => {
    const dep = dependency();
    const guard = guardFor(dep);
    const slow = guard.run(dep.call);
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(200);
      await guard.run(() => Promise.resolve('quick')); // progress
    }
    dep.answerAll();
    await expect(slow).resolves.toBe('answer');
    expect(guard.available).toBe(true);
    guard.close();
  });

  it('fails waiting calls once nothing has answered for stallAfter, and new calls at once', async () => {
    const dep = dependency();
    const onChange = vi.fn();
    const guard = guardFor(dep, onChange);
    dep.reachable = false;
    const waiting = guard.run(dep.call);
    const failed = expect(waiting).rejects.toBeInstanceOf(Unavailable);
    await vi.advanceTimersByTimeAsync(400);
    expect(guard.available).toBe(true);
    await vi.advanceTimersByTimeAsync(200); // suspected: a probe must confirm it
    expect(guard.available).toBe(true);
    await vi.advanceTimersByTimeAsync(300); // the probe got no answer either
    await failed;
    expect(guard.available).toBe(false);
    expect(onChange).toHaveBeenCalledWith(expect.any(Error));
    await expect(guard.run(() => Promise.resolve('never asked'))).rejects.toBeInstanceOf(Unavailable);
    guard.close();
  });

  it('comes back by itself when a probe answers', async () => {
    const dep = dependency();
    const onChange = vi.fn();
    const guard = guardFor(dep, onChange);
    dep.reachable = false;
    void guard.run(dep.call).catch(() => {});
    await vi.advanceTimersByTimeAsync(900);
    expect(guard.available).toBe(false);
    await vi.advanceTimersByTimeAsync(3_000); // probes keep failing
    expect(guard.available).toBe(false);
    dep.reachable = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(guard.available).toBe(true);
    expect(onChange).toHaveBeenLastCalledWith(null);
    await expect(guard.run(() => Promise.resolve('again'))).resolves.toBe('again');
    guard.close();
  });

  it('does not trip while the dependency, slow but alive, answers a direct probe', async () => {
    const dep = dependency(); // reachable: probes answer
    const guard = guardFor(dep);
    const slow = guard.run(dep.call);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(guard.available).toBe(true);
    dep.answerAll();
    await expect(slow).resolves.toBe('answer');
    guard.close();
  });

  it('does not blame the dependency for time this process spent busy', async () => {
    const dep = dependency();
    const guard = guardFor(dep);
    const waiting = guard.run(dep.call);
    await vi.advanceTimersByTimeAsync(100);
    vi.setSystemTime(Date.now() + 2_000); // two seconds of synchronous work: no timer could run
    await vi.advanceTimersByTimeAsync(100);
    expect(guard.available).toBe(true);
    dep.answerAll(); // the answer was there all along, read once the event loop was free
    await expect(waiting).resolves.toBe('answer');
    guard.close();
  });

  it('counts a refusal as an answer: a failing call is not a hung dependency', async () => {
    const dep = dependency();
    const guard = guardFor(dep);
    const slow = guard.run(dep.call);
    await vi.advanceTimersByTimeAsync(300);
    await expect(guard.run(() => Promise.reject(new Error('unique violation')))).rejects.toThrow('unique violation');
    await vi.advanceTimersByTimeAsync(300);
    expect(guard.available).toBe(true);
    dep.answerAll();
    await expect(slow).resolves.toBe('answer');
    guard.close();
  });
});
