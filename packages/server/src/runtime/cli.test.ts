import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parsePublishableKey } from '@orbital/core';
import { createAppAuthRoute } from './app-auth-route';

const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const run = promisify(execFile);

/** `orbital-server …` in `cwd`, as a user runs it: its output, and its exit code. */
async function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('ORBITAL_') && name !== 'PORT'),
  );
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd,
      env: { ...clean, ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

function appFolder(adapter: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'orbital-cli-app-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ dependencies: { [adapter]: '1.0.0' } }));
  return dir;
}

const lineOf = (stdout: string, name: string) =>
  stdout
    .split('\n')
    .find((line) => line.startsWith(`${name}=`))
    ?.slice(name.length + 1);

describe('orbital-server env', () => {
  it('prints the lines a Nuxt app pastes: its variable names, and the keys its own development server uses', async () => {
    const dir = appFolder('@orbital/nuxt');
    const { code, stdout } = await cli(['env'], dir, { PORT: '3100' });
    expect(code).toBe(0);
    expect(stdout).not.toContain('NEXT_PUBLIC_');
    const publishableKey = lineOf(stdout, 'NUXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY')!;
    expect(parsePublishableKey(publishableKey)).toEqual({
      mode: 'development',
      authServerUrl: 'http://localhost:3100/api/auth',
    });

    // What the app's own auth route then runs on, from the same folder: the same secret and signing keys.
    const route = await createAppAuthRoute(
      { publishableKey },
      { env: { ORBITAL_DATA_DIR: join(dir, '.orbital/data') }, log: () => {} },
    );
    expect(lineOf(stdout, 'ORBITAL_SECRET_KEY')).toBe(readFileSync(join(dir, '.orbital/secret-key'), 'utf8').trim());
    const jwks = await (
      await route.handler(new Request('http://localhost:3100/api/auth/.well-known/jwks.json'))
    ).json();
    expect(JSON.parse(lineOf(stdout, 'ORBITAL_JWT_KEY')!.slice(1, -1))).toEqual(jwks);
    await route.close?.();
  }, 60_000);

  it('uses the framework it is told, and refuses one it does not know', async () => {
    const dir = appFolder('@orbital/nextjs');
    expect(
      lineOf(
        (await cli(['env', '--framework', 'tanstack-start', '--url', 'http://localhost:4000'], dir)).stdout,
        'VITE_ORBITAL_PUBLISHABLE_KEY',
      ),
    ).toMatch(/^pk_test_/);
    const wrong = await cli(['env', '--framework', 'remix'], dir);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--framework must be one of nextjs, nuxt, tanstack-start, vue');
  }, 60_000);

  it('for production, needs the public URL and prints a new live secret key', async () => {
    const dir = appFolder('@orbital/nextjs');
    const missing = await cli(['env', '--mode', 'production'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('--url https://app.example.com/api/auth');
    const { stdout } = await cli(['env', '--mode', 'production', '--url', 'https://app.example.com/api/auth'], dir);
    expect(parsePublishableKey(lineOf(stdout, 'NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY'))).toEqual({
      mode: 'production',
      authServerUrl: 'https://app.example.com/api/auth',
    });
    expect(lineOf(stdout, 'ORBITAL_SECRET_KEY')).toMatch(/^sk_live_/);
  }, 60_000);

  it('names an unknown command instead of starting a server', async () => {
    const { code, stderr } = await cli(['envv'], appFolder('@orbital/vue'));
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown command "envv"');
  });
});
