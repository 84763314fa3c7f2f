import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPgliteStore } from '@orbital/server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An embedded database folder, created and migrated by the auth server's own code. */
    databaseTemplate: string;
  }
}

/**
 * Global setup: one embedded database made once per run, which each workspace demo starts on a copy
 * of. Creating a PGlite cluster costs seconds of CPU (initdb in WASM) and the suite starts dozens of
 * apps; the first-run path itself stays covered by the scenarios that start from an empty folder
 * (development with no configuration, the registry installs and the READMEs).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const parent = mkdtempSync(join(tmpdir(), 'orbital-database-template-'));
  const dir = join(parent, 'data');
  const store = await createPgliteStore(dir);
  await store.close();
  project.provide('databaseTemplate', dir);
  return () => rmSync(parent, { recursive: true, force: true });
}
