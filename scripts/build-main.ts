import { build } from 'esbuild';

/**
 * Bundles the Electron side into dist/main: the main process (ESM), the sandboxed preload
 * (CommonJS, the only format a sandboxed preload may be) and the job worker. Packages stay
 * external: electron-builder ships node_modules, with the native ones unpacked from asar.
 */
const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' } as const;

await Promise.all([
  build({ ...common, entryPoints: { main: 'src-main/electron/main.ts' }, format: 'esm', outExtension: { '.js': '.mjs' }, outdir: 'dist/main' }),
  build({ ...common, entryPoints: { 'job-worker': 'src-main/jobs/worker.ts' }, format: 'esm', outExtension: { '.js': '.mjs' }, outdir: 'dist/main' }),
  build({ ...common, entryPoints: { preload: 'src-main/electron/preload.ts' }, format: 'cjs', outExtension: { '.js': '.cjs' }, outdir: 'dist/main' }),
]);
process.stderr.write('dist/main: main.mjs, preload.cjs, job-worker.mjs\n');
