import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '../..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

describe('electron-builder.yml', () => {
  it('builds a Windows NSIS x64 installer and a Linux x64 AppImage', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.linux.target).toEqual([{ target: 'AppImage', arch: ['x64'] }]);
  });

  it('has an app id, a Chinese product name and icons that exist', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('考点助手');
    expect(() => readFileSync(join(ROOT, config.win.icon))).not.toThrow();
    expect(() => readFileSync(join(ROOT, config.linux.icon))).not.toThrow();
  });

  it('unpacks the native modules and the PDF font from asar', () => {
    expect(config.asar).toBe(true);
    for (const mod of ['better-sqlite3', 'sharp', '@img', '@embedpdf/fonts-sc']) expect(config.asarUnpack).toContain(`node_modules/${mod}/**`);
  });

  it('ships the built main and renderer, with main pointing at the bundle', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**']));
    expect(pkg.main).toBe('dist/main/main.mjs');
  });

  it('never rebuilds native modules for Electron at install time', () => {
    expect(pkg.scripts.postinstall ?? '').not.toMatch(/install-app-deps|electron-rebuild/);
  });
});
