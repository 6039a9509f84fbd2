import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTestBundles } from './test-bundles';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where data folders built once for the run are kept (test/helpers/store-template.ts). */
    templateRoot: string;
  }
}

/** Once per vitest run, before any test file: the bundles, and a folder for store templates. */
export default async function setup(project: TestProject): Promise<() => void> {
  await buildTestBundles();
  // Watch mode: a change to the sources must reach the worker the next run spawns.
  project.onTestsRerun(async () => void (await buildTestBundles()));
  const templateRoot = mkdtempSync(join(tmpdir(), 'examsite-templates-'));
  project.provide('templateRoot', templateRoot);
  return () => rmSync(templateRoot, { recursive: true, force: true });
}
