import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ESM_OPTIONS } from '../../scripts/build-main';
import { TEST_BUNDLE_DIR } from './test-bundle-dir';

/**
 * The job worker and the command line bundled as `npm run build:main` bundles them, for the tests:
 * a worker thread on the sources registers tsx's loader and resolves each of ~300 modules across
 * threads (seconds per job on a loaded 2-core machine), where the bundle only parses one file.
 * Rebuilt only when one of the bundles' inputs changed, so a run of one test file does not wait
 * for esbuild.
 */
const STAMP = 'inputs.json';

type Stamp = Record<string, string>;

function stampOf(files: readonly string[], root: string): Stamp {
  const stamp: Stamp = {};
  for (const f of files) {
    const s = statSync(join(root, f), { throwIfNoEntry: false });
    stamp[f] = s ? `${s.size}:${s.mtimeMs}` : 'missing';
  }
  return stamp;
}

function isFresh(root: string): boolean {
  const path = join(TEST_BUNDLE_DIR, STAMP);
  if (!existsSync(path) || !['job-worker.mjs', 'cli.mjs'].every((f) => existsSync(join(TEST_BUNDLE_DIR, f)))) return false;
  let old: Stamp;
  try {
    old = JSON.parse(readFileSync(path, 'utf8')) as Stamp;
  } catch {
    return false;
  }
  const now = stampOf(Object.keys(old), root);
  return Object.keys(old).length > 0 && Object.entries(old).every(([f, v]) => now[f] === v);
}

/** Builds the bundles unless they are fresh; returns their folder. */
export async function buildTestBundles(): Promise<string> {
  const root = ESM_OPTIONS.absWorkingDir!;
  if (isFresh(root)) return TEST_BUNDLE_DIR;
  // Built beside and swapped in, so a run already using the old bundle never sees half a build.
  const tmp = `${TEST_BUNDLE_DIR}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const result = await build({
    ...ESM_OPTIONS,
    outdir: tmp,
    metafile: true,
    entryPoints: { 'job-worker': 'src-main/core/registry/job-worker.ts', cli: 'src-main/cli.ts' },
  });
  writeFileSync(join(tmp, STAMP), JSON.stringify(stampOf(Object.keys(result.metafile.inputs), root)));
  const old = `${TEST_BUNDLE_DIR}.old-${process.pid}`;
  if (existsSync(TEST_BUNDLE_DIR)) renameSync(TEST_BUNDLE_DIR, old);
  renameSync(tmp, TEST_BUNDLE_DIR);
  rmSync(old, { recursive: true, force: true });
  return TEST_BUNDLE_DIR;
}
