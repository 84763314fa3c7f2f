import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { lockedVersions } from './lockfile-pins';
import { installsLatest, pnpm, workspaceRoot } from './registry';

/**
 * How each framework makes a new app today, as its docs tell a newcomer: the scaffold's own CLI at
 * a pinned version (the newest with `pnpm test:latest`), with its defaults.
 */
export interface Scaffold {
  framework: string;
  /** The package whose README the newcomer follows. */
  adapter: string;
  /** Creates the app in `dir` (which does not exist yet), installing nothing. */
  create(dir: string): void;
  /** The development server on `port`, as `pnpm dev` runs it. */
  devCommand(port: number): string[];
  /** What the development server prints once it listens. */
  ready: RegExp;
}

const version = (pinned: string) => (installsLatest ? 'latest' : pinned);

/**
 * Runs a scaffold's CLI, from the workspace unless told (corepack then picks the workspace's pnpm,
 * which the scaffolds that detect their package manager write into the app).
 */
function runScaffold(pkg: string, args: string[], cwd = workspaceRoot): void {
  pnpm(['dlx', pkg, ...args], cwd);
}

export const scaffolds: Scaffold[] = [
  {
    framework: 'Next.js',
    adapter: 'nextjs',
    // create-next-app's defaults: TypeScript, the App Router, Tailwind, Turbopack, Cache Components.
    create: (dir) =>
      runScaffold(`create-next-app@${version('16.4.3')}`, [
        dir,
        '--yes',
        '--skip-install',
        '--use-pnpm',
        '--disable-git',
      ]),
    devCommand: (port) => ['run', 'dev', '--port', String(port)],
    ready: /Ready in/,
  },
  {
    framework: 'TanStack Start',
    adapter: 'tanstack-react-start',
    create: (dir) =>
      runScaffold(`@tanstack/cli@${version('0.71.0')}`, [
        'create',
        'app',
        '--target-dir',
        dir,
        '--blank',
        '--no-install',
        '--no-git',
        '--no-intent',
        '--no-toolchain',
        '--package-manager',
        'pnpm',
        '--non-interactive',
      ]),
    // The scaffold's `dev` script pins port 3000; the test picks a free one, and says so (PORT).
    devCommand: (port) => ['exec', 'vite', 'dev', '--port', String(port), '--strictPort'],
    ready: /Local:/,
  },
  {
    framework: 'Nuxt',
    adapter: 'nuxt',
    // `pnpm create nuxt` downloads its templates from GitHub, which this machine (and CI) cannot
    // reach: the test writes what its `minimal` template holds, at the lockfile's versions.
    create: (dir) => {
      const locked = lockedVersions(join(workspaceRoot, 'pnpm-lock.yaml'));
      const range = (name: string) => (installsLatest ? 'latest' : `^${locked[name]!.at(-1)}`);
      const files: Record<string, string> = {
        'package.json': JSON.stringify(
          {
            name: 'nuxt-app',
            type: 'module',
            private: true,
            scripts: {
              build: 'nuxt build',
              dev: 'nuxt dev',
              generate: 'nuxt generate',
              preview: 'nuxt preview',
              postinstall: 'nuxt prepare',
            },
            dependencies: { nuxt: range('nuxt'), vue: range('vue'), 'vue-router': range('vue-router') },
          },
          null,
          2,
        ),
        'nuxt.config.ts':
          "export default defineNuxtConfig({\n  compatibilityDate: '2025-07-15',\n  devtools: { enabled: true },\n});\n",
        'app/app.vue': '<template>\n  <div>\n    <NuxtRouteAnnouncer />\n    <NuxtWelcome />\n  </div>\n</template>\n',
        'tsconfig.json': JSON.stringify(
          {
            files: [],
            references: [
              { path: './.nuxt/tsconfig.app.json' },
              { path: './.nuxt/tsconfig.server.json' },
              { path: './.nuxt/tsconfig.shared.json' },
              { path: './.nuxt/tsconfig.node.json' },
            ],
          },
          null,
          2,
        ),
        'public/robots.txt': 'User-Agent: *\nDisallow:\n',
      };
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
    },
    devCommand: (port) => ['run', 'dev', '--port', String(port)],
    ready: /Local:/,
  },
];

/** Vue with Vite, whose README runs the auth server standalone beside the app. */
export const vueScaffold: Scaffold = {
  framework: 'Vue',
  adapter: 'vue',
  // create-vite takes a project name, not a path.
  create: (dir) =>
    runScaffold(
      `create-vite@${version('9.3.0')}`,
      [basename(dir), '--template', 'vue-ts', '--no-interactive'],
      dirname(dir),
    ),
  devCommand: (port) => ['exec', 'vite', '--port', String(port), '--strictPort'],
  ready: /Local:/,
};

/** The adapter's README in this checkout: what the newcomer reads. */
export function adapterReadme(scaffold: Scaffold): string {
  return readFileSync(join(workspaceRoot, 'packages', scaffold.adapter, 'README.md'), 'utf8');
}
