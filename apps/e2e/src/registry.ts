import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeLockfilePins } from './lockfile-pins';
import { freePort, shellEnv, start, type Started } from './processes';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(require.resolve('@orbital/core/package.json')), '..', '..');
/** The checkout these tests run from. */
export const workspaceRoot = ROOT;

/** A throwaway Verdaccio on loopback that holds the @orbital packages, published from this checkout. */
export interface LocalRegistry {
  url: string;
  /** The version every @orbital package was published under. */
  version: string;
  stop: () => Promise<void>;
}

export async function startLocalRegistry(): Promise<LocalRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'orbital-registry-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  writeFileSync(
    join(dir, 'config.yaml'),
    [
      `storage: ${join(dir, 'storage')}`,
      'auth:',
      '  htpasswd:',
      `    file: ${join(dir, 'htpasswd')}`,
      'packages:',
      "  '@orbital/*':",
      '    access: $all',
      '    publish: $authenticated',
      // Nothing else is served: installs take every other package from the public registry.
      'uplinks: {}',
      'log: { type: stdout, format: pretty, level: warn }',
    ].join('\n'),
  );
  const verdaccio = join(dirname(require.resolve('verdaccio/package.json')), 'bin', 'verdaccio');
  const server: Started = await start(
    process.execPath,
    [verdaccio, '--config', join(dir, 'config.yaml'), '--listen', `127.0.0.1:${port}`],
    { ready: /http address|localhost|127\.0\.0\.1/, timeoutMs: 60_000 },
  );
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const { token } = (await (
      await fetch(`${url}/-/user/org.couchdb.user:orbital`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'orbital', password: 'orbital-test-registry' }),
      })
    ).json()) as { token: string };
    const npmrc = join(dir, '.npmrc');
    writeFileSync(npmrc, `//127.0.0.1:${port}/:_authToken=${token}\n`);
    let version = '';
    for (const name of readdirSync(join(ROOT, 'packages'))) {
      const pkgDir = join(ROOT, 'packages', name);
      const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as {
        private?: boolean;
        version: string;
      };
      if (manifest.private) continue;
      version = manifest.version;
      // pnpm turns workspace:* into the version, as a real release does.
      pnpm(['publish', '--registry', url, '--no-git-checks', '--tag', 'latest'], pkgDir, {
        npm_config_userconfig: npmrc,
      });
    }
    return { url, version, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Whether installs take the newest releases (`pnpm test:latest`) instead of the versions in the
 * workspace's lockfile (the gating run, reproducible whatever was released since).
 */
export const installsLatest = process.env.ORBITAL_INSTALL_LATEST === '1';

/**
 * A copy of a demo app in a folder outside the workspace that depends on the published packages by
 * version, installed from the local registry (other packages from the public one, at the versions
 * of the workspace's lockfile unless `installsLatest`).
 */
export function installedCopy(demo: string, registry: LocalRegistry, options: { tsconfig?: object } = {}): string {
  const source = join(ROOT, 'apps', demo);
  const dir = mkdtempSync(join(tmpdir(), `orbital-install-${demo}-`));
  const skip = new Set([
    'node_modules',
    '.next',
    '.output',
    '.nuxt',
    '.turbo',
    'dist',
    '.orbital',
    'package.json',
    'tsconfig.json',
    'next-env.d.ts',
  ]);
  for (const entry of readdirSync(source))
    if (!skip.has(entry)) cpSync(join(source, entry), join(dir, entry), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies?: Record<string, string>;
    scripts: object;
  };
  const pin = (deps: Record<string, string> = {}) =>
    Object.fromEntries(
      Object.entries(deps).map(([name, range]) => [name, range.startsWith('workspace:') ? registry.version : range]),
    );
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      {
        name: `installed-${demo}`,
        private: true,
        type: 'module',
        scripts: manifest.scripts,
        dependencies: pin(manifest.dependencies),
        devDependencies: pin(manifest.devDependencies),
        pnpm: { onlyBuiltDependencies: ['esbuild'] },
      },
      null,
      2,
    ),
  );
  if (options.tsconfig) writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(options.tsconfig, null, 2));
  else if (existsSync(join(source, 'tsconfig.json'))) cpSync(join(source, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  prepareInstall(dir, registry);
  mkdirSync(join(dir, '.orbital'), { recursive: true });
  pnpm(['install', '--no-frozen-lockfile'], dir);
  return dir;
}

/**
 * Points an app folder's installs at the local registry for @orbital packages (everything else from
 * the public one), with the workspace's pnpm, and — unless `installsLatest` — the versions of the
 * workspace's lockfile.
 */
export function prepareInstall(dir: string, registry: LocalRegistry): void {
  const rootManifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { packageManager: string };
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ ...manifest, packageManager: rootManifest.packageManager }, null, 2),
  );
  writeFileSync(join(dir, '.npmrc'), `@orbital:registry=${registry.url}/\n`);
  if (!installsLatest) writeLockfilePins(dir, join(ROOT, 'pnpm-lock.yaml'));
}

/**
 * Runs pnpm in `cwd` as a user would: from a user's shell ({@link shellEnv}), with no stdin to wait
 * on, and with a time limit. A failure carries the command's output.
 */
export function pnpm(args: string[], cwd: string, env: Record<string, string> = {}): string {
  try {
    return execFileSync('pnpm', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 240_000,
      env: { ...shellEnv(), CI: 'true', ...env },
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `pnpm ${args.join(' ')} failed in ${cwd}:\n${`${stdout ?? ''}\n${stderr ?? ''}`.trim().slice(-4000)}`,
      { cause: error },
    );
  }
}
