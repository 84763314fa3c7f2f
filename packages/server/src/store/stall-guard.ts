export interface StallGuardOptions {
  /**
   * Milliseconds with calls waiting and none answered after which the dependency counts as hung:
   * the waiting calls fail and new ones fail at once, until a probe answers.
   */
  stallAfter: number;
  /** Asks the dependency directly; resolves when it answers (the guard gives it `stallAfter / 2`). */
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
  let away: Error | null = null;
  let watchdog: ReturnType<typeof setInterval> | undefined;
  let prober: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let confirming = false;
  const tickEvery = Math.max(10, options.stallAfter / 5);

  // Observed time: wall time, but a tick that comes late counts as on time. While this process
  // cannot run (synchronous work, a starved CPU) answers that arrived stay unread: that time is
  // not the dependency's.
  let observed = 0;
  let lastTick = Date.now();
  const now = () => {
    const wall = Date.now();
    observed += Math.min(wall - lastTick, tickEvery * 1.5);
    lastTick = wall;
    return observed;
  };
  let lastAnswer = now();

  const watch = () => {
    if (watchdog || closed) return;
    watchdog = setInterval(check, tickEvery);
    watchdog.unref?.();
  };

  function check() {
    if (!waiting.size) {
      clearInterval(watchdog);
      watchdog = undefined;
      return;
    }
    const at = now();
    const oldest = Math.min(...[...waiting.values()].map((w) => w.since));
    if (at - oldest >= options.stallAfter && at - lastAnswer >= options.stallAfter) confirm();
  }

  // Suspected, not yet concluded: a dependency starved of CPU answers late, a hung one not at all.
  // It is away only if a direct probe gets no answer either, and nothing else answered meanwhile.
  function confirm() {
    if (confirming) return;
    confirming = true;
    probeWithDeadline().then(
      () => {
        confirming = false;
        lastAnswer = now();
      },
      (error: Error) => {
        confirming = false;
        const silent = now() - lastAnswer;
        if (!closed && !away && waiting.size && silent >= options.stallAfter)
          goAway(new Error(`no answer for ${Math.round(silent)} ms (${error.message})`));
      },
    );
  }

  function probeWithDeadline(): Promise<unknown> {
    const deadline = options.stallAfter / 2;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`probe unanswered after ${deadline} ms`)), deadline);
      timer.unref?.();
    });
    return Promise.race([options.probe(), late]).finally(() => clearTimeout(timer));
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
      probeWithDeadline().then(
        () => {
          if (closed) return;
          away = null;
          lastAnswer = now();
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
        waiting.set(id, { since: now(), fail: reject });
        watch();
        call().then(
          (value) => {
            lastAnswer = now();
            waiting.delete(id);
            resolve(value);
          },
          (error: unknown) => {
            // A refusal is an answer too: the dependency is there, this call failed.
            lastAnswer = now();
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
