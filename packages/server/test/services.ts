import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A PostgreSQL and a Redis of the test's own, on their own ports, that it may stop, pause and
 * restart: the machine's shared servers on 5432 and 6379 serve every other test and stay up.
 */
export interface OwnService {
  url: string;
  /** Stops it as an operator's restart does (PostgreSQL: `pg_ctl stop -m fast`). */
  stop(): void;
  start(): void;
  /** SIGSTOP: the process keeps its sockets and answers nothing, as a hung host or a partition. */
  pause(): void;
  resume(): void;
  close(): void;
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The directory of the machine's PostgreSQL programs (Debian keeps them per major version). */
function postgresBin(): string {
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && existsSync(join(fromConfig.stdout.trim(), 'pg_ctl'))) return fromConfig.stdout.trim();
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((v) => join(root, v, 'bin')).find((dir) => existsSync(join(dir, 'pg_ctl')));
  if (!found)
    throw new Error(
      'The fault tests start their own PostgreSQL, but no pg_ctl was found (pg_config --bindir, /usr/lib/postgresql/*/bin). Install the PostgreSQL server package.',
    );
  return found;
}

/** initdb and the server refuse to run as root: run them as the `postgres` user then. */
function asPostgres(dir: string, command: string[]): void {
  const root = process.getuid?.() === 0;
  const [file, args] = root
    ? ['su', ['postgres', '-s', '/bin/sh', '-c', command.map((part) => `'${part.replaceAll("'", `'\\''`)}'`).join(' ')]]
    : [command[0]!, command.slice(1)];
  execFileSync(file, args as string[], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
}

function signal(pids: number[], name: 'SIGSTOP' | 'SIGCONT'): void {
  for (const pid of pids) {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  }
}

/** Its own cluster in a temporary folder, on a free port; `close()` removes it. */
export async function startOwnPostgres(): Promise<OwnService> {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), 'orbital-pg-'));
  if (process.getuid?.() === 0) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  const data = join(dir, 'data');
  asPostgres(dir, [join(bin, 'initdb'), '-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync']);
  const ctl = (...args: string[]) => asPostgres(dir, [join(bin, 'pg_ctl'), '-D', data, ...args]);
  const start = () =>
    ctl('-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, '-l', join(dir, 'log'), '-w', 'start');
  // The postmaster and its children (backends, checkpointer, …): all of them pause together.
  const processes = () => {
    const postmaster = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = spawnSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
      .stdout.split('\n')
      .filter(Boolean)
      .map(Number);
    return [postmaster, ...children];
  };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl('-m', 'fast', '-w', 'stop'),
    start,
    pause: () => signal(processes(), 'SIGSTOP'),
    resume: () => signal(processes(), 'SIGCONT'),
    close: () => {
      if (existsSync(join(data, 'postmaster.pid'))) {
        signal(processes(), 'SIGCONT');
        ctl('-m', 'immediate', '-w', 'stop');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Its own `redis-server`, keeping nothing on disk. */
export async function startOwnRedis(): Promise<OwnService> {
  const dir = mkdtempSync(join(tmpdir(), 'orbital-redis-'));
  const port = await freePort();
  const pidfile = join(dir, 'redis.pid');
  const pid = () => Number(readFileSync(pidfile, 'utf8').trim());
  const start = () => {
    execFileSync(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'yes',
        '--pidfile',
        pidfile,
        '--dir',
        dir,
      ],
      { stdio: 'ignore' },
    );
    waitFor(() => existsSync(pidfile));
  };
  const stop = () => {
    const running = existsSync(pidfile) ? pid() : null;
    if (running === null) return;
    signal([running], 'SIGCONT');
    process.kill(running, 'SIGTERM');
    waitFor(() => !alive(running));
    rmSync(pidfile, { force: true });
  };
  start();
  return {
    url: `redis://127.0.0.1:${port}`,
    stop,
    start,
    pause: () => signal([pid()], 'SIGSTOP'),
    resume: () => signal([pid()], 'SIGCONT'),
    close: () => {
      stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) throw new Error(`No user ${name} to run PostgreSQL as`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Start-up of a local daemon takes milliseconds; polling its pid file is the only signal it gives. */
function waitFor(check: () => boolean, ms = 5_000): void {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('a local service did not start or stop in time');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}
