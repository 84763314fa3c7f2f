import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFramework, envLines } from './env-lines';

const keys = { publishableKey: 'pk_test_abc', secretKey: 'sk_test_def', jwtKey: '{"keys":[]}' };

describe('env lines to paste', () => {
  it('use the variable names of the framework in use', () => {
    expect(envLines(keys, 'nuxt')).toEqual([
      'NUXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY=pk_test_abc',
      'ORBITAL_SECRET_KEY=sk_test_def',
      `ORBITAL_JWT_KEY='{"keys":[]}'`,
    ]);
    expect(envLines(keys, 'tanstack-start')[0]).toBe('VITE_ORBITAL_PUBLISHABLE_KEY=pk_test_abc');
    expect(envLines(keys, 'nextjs')[0]).toBe('NEXT_PUBLIC_ORBITAL_PUBLISHABLE_KEY=pk_test_abc');
  });

  it('name every framework’s variable when none is known, and never invent a secret key', () => {
    const lines = envLines({ ...keys, secretKey: undefined }, undefined);
    expect(lines.filter((line) => line.includes('PUBLISHABLE_KEY=pk_test_abc'))).toHaveLength(3);
    expect(lines).toContain('# ORBITAL_SECRET_KEY=<set the secret key of this instance>');
  });

  it('know the framework from the adapter the app depends on', () => {
    const app = (deps: object) => {
      const dir = mkdtempSync(join(tmpdir(), 'orbital-app-'));
      writeFileSync(join(dir, 'package.json'), JSON.stringify(deps));
      return dir;
    };
    expect(detectFramework(app({ dependencies: { next: '16', '@orbital/nextjs': '1' } }))).toBe('nextjs');
    expect(detectFramework(app({ dependencies: { '@orbital/nuxt': '1', '@orbital/vue': '1' } }))).toBe('nuxt');
    expect(detectFramework(app({ dependencies: { '@orbital/tanstack-react-start': '1' } }))).toBe('tanstack-start');
    expect(detectFramework(app({ devDependencies: { '@orbital/vue': '1' } }))).toBe('vue');
    expect(detectFramework(app({}))).toBeUndefined();
    expect(detectFramework(mkdtempSync(join(tmpdir(), 'orbital-empty-')))).toBeUndefined();
  });
});
