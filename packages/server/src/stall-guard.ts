export interface StallGuardOptions {
  /**
   * Milliseconds with calls waiting and none answered after which the dependency counts as hung:
   * the waiting calls fail and new ones fail at once, until a probe answers.
   */
  stallAfter: number;
  /** Asks the dependency directly, with its own deadline; resolves when it answers. */
  probe: () => Promise<unknown>;
  /** The error waiting and refused calls fail with. */
  unavailable: (cause: Error) => Error;
  /** Milliseconds between probes while the dependency is away (default `stallAfter * 2`). */
  probeEvery?: number;
  /** Called when the dependency goes away (with why) and when it is back (with null). */
  onChange?: (cause: Error | null) => void;
}

export interface StallGuard {
  /** Runs a call to the dependency: as it is while it answers, failing fast while it is away. */
  run<T>(call: () => Promise<T>): Promise<T>;
  readonly available: boolean;
  close(): void;
}

/**
 * A circuit breaker for a dependency that stops answering without failing: a paused or
 * partitioned database keeps its sockets open, so every call would wait for its own deadline
 * (seconds) and requests pile up. Progress is what counts: calls may be slow, but when some have
 * waited `stallAfter` and nothing at all has answered in that time, the dependency is away.
 */
export function createStallGuard(options: StallGuardOptions): StallGuard {
  const probeEvery = options.probeEvery ?? options.stallAfter * 2;
  const waiting = new Map<symbol, { since: number; fail: (error: Error) => void }>();
  let lastAnswer = Date.now();
  let away: Error | null = null;
  let watchdog: ReturnType<typeof setInterval> | undefined;
  let prober: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const tickEvery = Math.max(10, options.stallAfter / 5);
  let lastTick = 0;

  const watch = () => {
    if (watchdog || closed) return;
    lastTick = Date.now();
    watchdog = setInterval(check, tickEvery);
    watchdog.unref?.();
  };

  function check() {
    if (!waiting.size) {
      clearInterval(watchdog);
      watchdog = undefined;
      return;
    }
    const now = Date.now();
    const late = now - lastTick - tickEvery;
    lastTick = now;
    if (late > tickEvery) {
      // This process was busy (synchronous work held the event loop), so answers that arrived
      // meanwhile are still unread: that time is not the dependency's.
      lastAnswer += late;
      for (const entry of waiting.values()) entry.since += late;
      return;
    }
    const oldest = Math.min(...[...waiting.values()].map((w) => w.since));
    if (now - oldest >= options.stallAfter && now - lastAnswer >= options.stallAfter) goAway(new Error(`no answer for ${now - lastAnswer} ms`));
  }

  function goAway(cause: Error) {
    away = cause;
    options.onChange?.(cause);
    const error = options.unavailable(cause);
    for (const { fail } of waiting.values()) fail(error);
    waiting.clear();
    scheduleProbe();
  }

  function scheduleProbe() {
    if (closed) return;
    prober = setTimeout(() => {
      options.probe().then(
        () => {
          if (closed) return;
          away = null;
          lastAnswer = Date.now();
          options.onChange?.(null);
        },
        () => scheduleProbe(),
      );
    }, probeEvery);
    prober.unref?.();
  }

  return {
    run<T>(call: () => Promise<T>): Promise<T> {
      if (away) return Promise.reject(options.unavailable(away));
      const id = Symbol();
      return new Promise<T>((resolve, reject) => {
        waiting.set(id, { since: Date.now(), fail: reject });
        watch();
        call().then(
          (value) => {
            lastAnswer = Date.now();
            waiting.delete(id);
            resolve(value);
          },
          (error: unknown) => {
            // A refusal is an answer too: the dependency is there, this call failed.
            lastAnswer = Date.now();
            waiting.delete(id);
            reject(error);
          },
        );
      });
    },
    get available() {
      return !away;
    },
    close() {
      closed = true;
      clearInterval(watchdog);
      clearTimeout(prober);
    },
  };
}
