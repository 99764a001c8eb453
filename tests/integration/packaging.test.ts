// What `npm run dist` packages (it cannot run here: electron-builder downloads Electron): the config and its inputs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Fuses from '@electron/fuses';
import { parse } from 'yaml';
import { tempDir } from '../helpers';

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
    for (const file of ['dist-electron/main.js', 'dist-electron/preload.cjs', 'dist-electron/job-worker.cjs', 'dist-electron/migrations/001_initial.sql', 'dist-electron/migrations/002_imports.sql', 'dist/renderer/index.html']) {
      expect(existsSync(join(ROOT, file)), file).toBe(true);
    }
  });

  it('keeps the runtime dependencies to what the main process and the department server load', () => {
    // az: the morphology dictionary the documents read (unpacked beside the asar); pg: `reestr server`'s PostgreSQL.
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@e965/xlsx', 'az', 'better-sqlite3', 'docx', 'exceljs', 'iconv-lite', 'pg', 'zod']);
  });

  describe('Electron fuses', () => {
    // What the packaged binary must refuse: being run as plain Node, NODE_OPTIONS, --inspect, and code from
    // anywhere but its own checked asar archive; cookies on disk are encrypted.
    const WANTED = {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    };
    const require = createRequire(join(ROOT, 'package.json'));

    it('sets every fuse in the config, with the app packed into asar', () => {
      expect(config.electronFuses).toEqual(WANTED);
      expect(config.asar).not.toBe(false);
    });

    it('names only options electron-builder knows (its schema refuses unknown keys)', () => {
      const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a JSON schema
      expect(scheme.properties.electronFuses.anyOf).toContainEqual({ $ref: '#/definitions/FuseOptionsV1' });
      const fuseOptions = scheme.definitions.FuseOptionsV1;
      expect(fuseOptions.additionalProperties).toBe(false);
      for (const key of Object.keys(config.electronFuses)) {
        expect(fuseOptions.properties[key]?.type, key).toBe('boolean');
      }
    });

    it('flips the fuses of a binary the way electron-builder does when it packages', async () => {
      // electron-builder turns the config into an @electron/fuses wire and flips it in the packaged binary; here the
      // binary is a stand-in holding Electron's fuse wire with its defaults (Electron itself is not downloaded here).
      const { PlatformPackager } = require('app-builder-lib') as { PlatformPackager: { prototype: { generateFuseConfig(fuses: unknown): Promise<Record<string, unknown>> } } };
      const fuses = require('@electron/fuses') as typeof Fuses;
      const { SENTINEL } = require('@electron/fuses/dist/constants.js') as { SENTINEL: string };
      const defaults = '10110001'; // RunAsNode, cookies, NODE_OPTIONS, --inspect, asar integrity, asar only, V8 snapshot, file://
      const binary = join(tempDir(), 'reestr');
      writeFileSync(binary, Buffer.concat([Buffer.alloc(64, 7), Buffer.from(SENTINEL), Buffer.from([1, defaults.length]), Buffer.from(defaults), Buffer.alloc(64, 7)]));

      const fuseConfig = await PlatformPackager.prototype.generateFuseConfig.call({}, config.electronFuses);
      await fuses.flipFuses(binary, fuseConfig as unknown as Parameters<typeof fuses.flipFuses>[1]);
      const wire = await fuses.getCurrentFuseWire(binary);

      const on = 0x31;
      const off = 0x30;
      const O = fuses.FuseV1Options;
      expect(wire[O.RunAsNode]).toBe(off);
      expect(wire[O.EnableNodeOptionsEnvironmentVariable]).toBe(off);
      expect(wire[O.EnableNodeCliInspectArguments]).toBe(off);
      expect(wire[O.EnableCookieEncryption]).toBe(on);
      expect(wire[O.OnlyLoadAppFromAsar]).toBe(on);
      expect(wire[O.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
      // The two fuses the config leaves alone keep Electron's defaults.
      expect(wire[O.LoadBrowserProcessSpecificV8Snapshot]).toBe(off);
      expect(wire[O.GrantFileProtocolExtraPrivileges]).toBe(on);
    });
  });
});
