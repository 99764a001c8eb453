// Loads the morphology dictionary (shared/ru/morph.ts) from the `az` package's files on disk, once, the
// first time a text is built from fields. The package stays in node_modules beside every bundle (the CLI's
// dist/cli, Electron's dist-electron and the packaged app's asar all resolve it from there), so the
// bundles need no copy of the 11 MB of dictionaries.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { initMorphology, morphologyReady } from '../../../shared/ru/morph';

/**
 * The directory of az's dictionary files. In the packaged app they are unpacked beside the asar archive
 * (electron-builder.yml asarUnpack), so plain fs reads them in any thread.
 */
export function dictionaryDir(): string {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('az/package.json')), 'dicts');
  const unpacked = dir.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
  return unpacked !== dir && existsSync(unpacked) ? unpacked : dir;
}

/** Loads the dictionary unless loaded; returns how long it took (0 when it was loaded already), in ms. */
export function ensureMorphology(): number {
  if (morphologyReady()) return 0;
  const started = performance.now();
  const dir = dictionaryDir();
  initMorphology((file) => {
    try {
      return readFileSync(join(dir, file));
    } catch (e) {
      throw new Error(`Не удалось прочитать морфологический словарь ${join(dir, file)}: ${(e as Error).message}. Переустановите программу (npm install).`, { cause: e });
    }
  });
  return performance.now() - started;
}
