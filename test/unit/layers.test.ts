import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

function imports(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);
}

/** DESIGN.md §2's boundaries, enforced: a test, not a hope. */
describe('layers', () => {
  it('keeps src-shared pure: no Node built-ins, no native or I/O packages', () => {
    const bad = files('src-shared').flatMap((f) =>
      imports(f)
        .filter((i) => /^node:|^(fs|path|os|child_process|worker_threads|crypto|http)$|better-sqlite3|sharp|exceljs|jszip|pdfmake|electron|yauzl/.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('imports electron only in src-main/electron and src-main/transport/ipc', () => {
    const bad = [...files('src-main'), ...files('src-shared'), ...files('src-renderer')]
      .filter((f) => !f.startsWith('src-main/electron/') && !f.startsWith('src-main/transport/ipc/'))
      .flatMap((f) =>
        imports(f)
          .filter((i) => i === 'electron')
          .map(() => f),
      );
    // ipc.ts takes electron's types only; the check above still allows it as the one other place.
    expect(bad).toEqual([]);
  });

  it('keeps the renderer to src-shared, its own files and browser packages', () => {
    const bad = files('src-renderer').flatMap((f) =>
      imports(f)
        .filter((i) => (i.startsWith('.') && i.includes('src-main')) || /^node:|better-sqlite3|electron|sharp|exceljs/.test(i))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });

  it('keeps test tooling (the platform simulator) out of everything but the CLI', () => {
    const bad = [...files('src-main'), ...files('src-shared'), ...files('src-renderer')]
      .filter((f) => !f.startsWith('src-main/cli/'))
      .flatMap((f) =>
        imports(f)
          .filter((i) => i.includes('test/'))
          .map((i) => `${f} → ${i}`),
      );
    expect(bad).toEqual([]);
  });

  it('keeps the core free of the transports', () => {
    const bad = files('src-main/core').flatMap((f) =>
      imports(f)
        .filter((i) => i.includes('/transport/') || i.includes('/electron/'))
        .map((i) => `${f} → ${i}`),
    );
    expect(bad).toEqual([]);
  });
});
