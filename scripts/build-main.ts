import { join } from 'node:path';
import { build, type BuildOptions } from 'esbuild';

/**
 * Bundles the Electron side into dist/main: the main process (ESM), the sandboxed preload
 * (CommonJS, the only format a sandboxed preload may be) and the job worker; and the command
 * line, which `npm start` runs for the browser mode (a bundle starts ~0.6 s sooner than the
 * sources through tsx, whose loader resolves each of ~300 modules across threads). Pure-JS packages
 * are bundled in (a JSON import such as the region table then needs no import attribute at
 * run time); native modules and Electron stay external — electron-builder ships them unpacked —
 * and so does pdfmake, whose virtual file system asks for its own `__dirname` (an ESM bundle has
 * none).
 */
export const EXTERNAL = ['electron', 'better-sqlite3', 'sharp', '@img/*', 'pdfmake'];

// Bundled CommonJS packages still call require() for Node built-ins: give the ESM bundle one.
const REQUIRE_BANNER = "import { createRequire as __examsiteCreateRequire } from 'node:module'; const require = __examsiteCreateRequire(import.meta.url);";

const common: BuildOptions = {
  absWorkingDir: join(import.meta.dirname, '..'),
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: EXTERNAL,
  sourcemap: true,
  logLevel: 'warning',
};
/** The ESM bundles' options (the tests bundle the job worker and the command line with them too). */
export const ESM_OPTIONS: BuildOptions = { ...common, format: 'esm', outExtension: { '.js': '.mjs' }, outdir: 'dist/main', banner: { js: REQUIRE_BANNER } };

export async function buildMain(): Promise<void> {
  await Promise.all([
    build({ ...ESM_OPTIONS, entryPoints: { main: 'src-main/electron/main.ts' } }),
    build({ ...ESM_OPTIONS, entryPoints: { 'job-worker': 'src-main/core/registry/job-worker.ts' } }),
    build({ ...ESM_OPTIONS, entryPoints: { cli: 'src-main/cli.ts' } }),
    build({ ...common, entryPoints: { preload: 'src-main/electron/preload.ts' }, format: 'cjs', outExtension: { '.js': '.cjs' }, outdir: 'dist/main', external: ['electron'] }),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildMain();
  process.stderr.write('dist/main: main.mjs, preload.cjs, job-worker.mjs, cli.mjs\n');
}
