// What `npm run dist` packages (it cannot run here: electron-builder downloads Electron): the config and its inputs.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');
const config = parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a parsed YAML document
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- package.json as parsed

describe('electron-builder.yml', () => {
  it('names the app in Russian, under a stable id', () => {
    expect(config.appId).toBe('ru.reestr.cooperation');
    expect(config.productName).toBe('Реестр сотрудничества');
  });

  it('builds the Windows installer and portable, and Linux deb, rpm and AppImage', () => {
    expect(config.win.target).toEqual(['nsis', 'portable']);
    expect(config.linux.target).toEqual(['deb', 'rpm', 'AppImage']);
  });

  it('unpacks the native SQLite module from the archive and rebuilds it for Electron', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
    expect(config.npmRebuild).toBe(true);
    expect(pkg.scripts.dist).toMatch(/electron-builder --config electron-builder\.yml && npm rebuild better-sqlite3$/);
  });

  it('has its icons', () => {
    for (const icon of [config.win.icon, config.linux.icon]) {
      expect(existsSync(join(ROOT, icon)), icon).toBe(true);
      const png = readFileSync(join(ROOT, icon));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    }
  });

  it('packages what the build makes: the shell, its preload and migrations, and the renderer', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/renderer/**', 'dist-electron/**', 'package.json']));
    expect(pkg.main).toBe('dist-electron/main.js');
    // npm test builds before it runs the tests.
    for (const file of ['dist-electron/main.js', 'dist-electron/preload.cjs', 'dist-electron/migrations/001_initial.sql', 'dist-electron/migrations/002_imports.sql', 'dist/renderer/index.html']) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    }
  });

  it('keeps the runtime dependencies to what the main process loads', () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['better-sqlite3', 'csv-parse', 'docx', 'exceljs', 'iconv-lite', 'zod']);
  });
});
