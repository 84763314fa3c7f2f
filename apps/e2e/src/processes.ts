import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  output: () => string;
  stop: () => Promise<void>;
}

// oxlint-disable-next-line no-control-regex -- colour codes are control characters
const ANSI = /\x1b\[[0-9;]*m/g;

/**
 * What the run that started these tests has and a user's shell does not: pnpm's own settings
 * (`PNPM_SCRIPT_SRC_DIR` alone makes an install land in this workspace), the test runner's
 * (`NODE_ENV=test`, `TEST`, `VITEST…`, which quieten or reconfigure dev servers) and Orbital
 * configuration (a newcomer has none).
 */
const NOT_IN_A_USERS_SHELL = /^(npm_|pnpm_)|ORBITAL_|^(NODE_ENV|TEST)$|^VITEST/i;

/** This process's environment as a user's shell would have it, for running what a user runs. */
export function shellEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !NOT_IN_A_USERS_SHELL.test(entry[0]),
    ),
  );
}

/**
 * Starts a command and resolves once its output matches `ready`; fails with its output otherwise.
 * `env` is added to this process's environment, or with `shell` to a user's ({@link shellEnv}).
 */
export function start(
  command: string,
  args: string[],
  options: { env?: Record<string, string>; shell?: boolean; cwd?: string; ready: RegExp; timeoutMs?: number },
): Promise<Started> {
  // Its own process group: a package manager's script runs the server as a grandchild, and
  // stopping must stop that too, not leave it holding the port.
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    env: { ...(options.shell ? shellEnv() : process.env), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, name);
    } catch {
      // the group is gone already
    }
  };
  const stop = () =>
    new Promise<void>((resolve) => {
      const done = () => {
        signal('SIGKILL');
        resolve();
      };
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', done);
      signal('SIGTERM');
      setTimeout(() => signal('SIGKILL'), 5_000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${command} did not become ready in time:\n${output}`));
    }, options.timeoutMs ?? 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Colour codes can split a word ("Local" and ":" apart, under CI): match the plain text.
      if (options.ready.test(output.replace(ANSI, ''))) {
        clearTimeout(timer);
        resolve({ output: () => output, stop });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited with ${code} before it was ready:\n${output}`));
    });
  });
}
