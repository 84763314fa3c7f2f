import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_ENV_PREFIX } from '@orbital/core';

/** The frameworks whose apps read Orbital's env vars, and the prefix their browser bundles see. */
export const FRAMEWORKS = {
  nextjs: { package: '@orbital/nextjs', publicPrefix: PUBLIC_ENV_PREFIX.nextjs, file: '.env.local' },
  nuxt: { package: '@orbital/nuxt', publicPrefix: PUBLIC_ENV_PREFIX.nuxt, file: '.env' },
  'tanstack-start': {
    package: '@orbital/tanstack-react-start',
    publicPrefix: PUBLIC_ENV_PREFIX['tanstack-start'],
    file: '.env',
  },
  vue: { package: '@orbital/vue', publicPrefix: PUBLIC_ENV_PREFIX.vue, file: '.env' },
} as const;

export type Framework = keyof typeof FRAMEWORKS;

/** The framework of the app in `dir`, from the Orbital adapter its package.json depends on. */
export function detectFramework(dir: string): Framework | undefined {
  const file = join(dir, 'package.json');
  if (!existsSync(file)) return undefined;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const deps = { ...manifest.devDependencies, ...manifest.dependencies };
  return (Object.keys(FRAMEWORKS) as Framework[]).find((name) => FRAMEWORKS[name].package in deps);
}

export interface InstanceKeys {
  publishableKey: string;
  secretKey: string | undefined;
  /** The JWKS JSON of the same instance. */
  jwtKey: string;
}

/**
 * Ready-to-paste env lines for one framework's app: its variable names, one instance's keys.
 * Without a framework, the public key is printed under every framework's name.
 */
export function envLines(keys: InstanceKeys, framework: Framework | undefined): string[] {
  const prefixes = framework
    ? [FRAMEWORKS[framework].publicPrefix]
    : [...new Set(Object.values(FRAMEWORKS).map((f) => f.publicPrefix))];
  return [
    ...prefixes.map((prefix) => `${prefix}ORBITAL_PUBLISHABLE_KEY=${keys.publishableKey}`),
    keys.secretKey
      ? `ORBITAL_SECRET_KEY=${keys.secretKey}`
      : '# ORBITAL_SECRET_KEY=<set the secret key of this instance>',
    `ORBITAL_JWT_KEY='${keys.jwtKey}'`,
  ];
}
