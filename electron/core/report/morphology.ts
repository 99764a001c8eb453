// Loads the morphology dictionary (shared/ru/morph.ts) from the `az` package's files on disk, once, the
// first time a text is built from fields. The package stays in node_modules beside every bundle (the CLI's
// dist/cli, Electron's dist-electron and the packaged app's asar all resolve it from there), so the
// bundles need no copy of the 11 MB of dictionaries.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { initMorphology, morphologyReady } from '../../../shared/ru/morph';

/** The directory of az's dictionary files. */
export function dictionaryDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('az/package.json')), 'dicts');
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
