// pnpm bench (server): the soak behind the fault tests. Two orbital-server processes (the built
// CLI) on a PostgreSQL and a Redis of the bench's own, under steady load (token refreshes on both
// instances, a sign-up every tenth request), through cycles of faults: PostgreSQL hung (SIGSTOP),
// PostgreSQL restarted, Redis hung, Redis restarted. Prints, per fault, the answers by status and
// code and the latencies of requests started during it, and whether both processes lived.
import {
  FaultBrowser,
  faultSecretKey,
  percentile,
  runLoad,
  startAuthProcess,
  type Outcome,
} from '../test/auth-processes';
import { startOwnPostgres, startOwnRedis } from '../test/services';

const CYCLES = Number(process.env.BENCH_OUTAGE_CYCLES ?? 2);
const FAULT_MS = Number(process.env.BENCH_OUTAGE_MS ?? 5_000);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const [database, redis] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
const env = { DATABASE_URL: database.url, REDIS_URL: redis.url, ORBITAL_SECRET_KEY: faultSecretKey() };
const instances = await Promise.all([startAuthProcess(env), startAuthProcess(env)]);
const urls = instances.map((i) => i.url);
const healthy = async () =>
  (
    await Promise.all(
      urls.map((url) =>
        fetch(`${url}/health`).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    )
  ).every((s) => s === 200);
const untilHealthy = async () => {
  const started = Date.now();
  while (!(await healthy())) await pause(50);
  return Date.now() - started;
};

const rows: Record<string, Record<string, string | number>> = {};
try {
  await untilHealthy();
  const browsers = Array.from({ length: 16 }, () => new FaultBrowser());
  await Promise.all(browsers.map((b, i) => b.signUp(urls[i % 2]!, `soak.${i}.${Date.now()}@example.com`)));
  const load = runLoad(urls, browsers);

  const faults: Array<[string, () => void, () => void]> = [
    ['PostgreSQL hung (SIGSTOP)', () => database.pause(), () => database.resume()],
    ['PostgreSQL restarted (stop -m fast, start)', () => database.stop(), () => database.start()],
    ['Redis hung (SIGSTOP)', () => redis.pause(), () => redis.resume()],
    ['Redis restarted', () => redis.stop(), () => redis.start()],
  ];
  const describe = (outcomes: Outcome[], recoveryMs: number) => {
    const byStatus: Record<string, number> = {};
    for (const o of outcomes)
      byStatus[`${o.status || 'no answer'}${o.code ? ` ${o.code}` : ''}`] =
        (byStatus[`${o.status || 'no answer'}${o.code ? ` ${o.code}` : ''}`] ?? 0) + 1;
    const ms = outcomes.map((o) => o.ms);
    return {
      requests: outcomes.length,
      answers: Object.entries(byStatus)
        .map(([k, v]) => `${k}: ${v}`)
        .join(', '),
      'p50 ms': Math.round(percentile(ms, 50)),
      'p99 ms': Math.round(percentile(ms, 99)),
      'max ms': Math.round(Math.max(0, ...ms)),
      'healthy again after ms': recoveryMs,
    };
  };

  await pause(2_000);
  const baselineFrom = Date.now() - 2_000;
  rows['steady (no fault)'] = describe(
    load.outcomes.filter((o) => o.at - o.ms >= baselineFrom),
    0,
  );
  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    for (const [name, inject, heal] of faults) {
      const from = Date.now();
      inject();
      await pause(FAULT_MS);
      const to = Date.now();
      heal();
      const recovery = await untilHealthy();
      await pause(1_000);
      rows[`${name}, cycle ${cycle}`] = describe(
        load.outcomes.filter((o) => o.at - o.ms >= from && o.at - o.ms <= to),
        recovery,
      );
    }
  }
  await load.stop();
} finally {
  const alive = instances.map((i) => i.exitCode() === null);
  const uncaught = instances.map((i) => (i.stderr.join('').match(/uncaught|unhandled/gi) ?? []).length);
  await Promise.all(instances.map((i) => i.stop()));
  database.close();
  redis.close();
  console.log(
    `\nOutages under load: 2 orbital-server processes, 8 workers, faults of ${FAULT_MS / 1000} s, ${CYCLES} cycle(s); latencies of requests started during each fault`,
  );
  console.table(rows);
  console.log(
    `processes alive after the soak: ${alive.filter(Boolean).length} of ${alive.length}; uncaught errors logged: ${uncaught.reduce((a, b) => a + b, 0)}`,
  );
}
