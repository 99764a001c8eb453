#!/usr/bin/env node
// Runs the `reestr` command from its bundle (dist/cli/main.cjs), rebuilt first when a source changed since
// it was made, with V8's compiled code kept beside it so that the next start skips most of the compiling.
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { isCurrent, writeAtomic } from '../scripts/fresh.mjs';

const root = join(import.meta.dirname, '..');
const bundle = join(root, 'dist', 'cli', 'main.cjs');

if (!isCurrent(root, 'dist/cli')) {
  try {
    const { buildCli } = await import('../scripts/build-cli.mjs');
    await buildCli();
  } catch (e) {
    // Without esbuild (dependencies installed without the development ones) the bundle there is runs.
    const noBundler = e?.code === 'ERR_MODULE_NOT_FOUND' && !e.errors;
    if (!noBundler || !statSync(bundle, { throwIfNoEntry: false })) {
      process.stderr.write(noBundler
        ? 'Ошибка: команда reestr не собрана, а сборщика esbuild нет. Выполните «npm install» в папке программы.\n'
        : `Ошибка: не удалось собрать команду reestr из исходников${e?.errors ? ' (сообщения сборщика выше)' : `: ${e?.message}`}.\n`);
      process.exit(1);
    }
  }
}

/** Loads the bundle as CommonJS, with its code cache (named by the bundle's size and time) when there is one. */
function load() {
  // Size and time from the very file read: a build replacing it meanwhile cannot pair its source with another's cache.
  const fd = openSync(bundle, 'r');
  const stat = fstatSync(fd);
  const source = readFileSync(fd, 'utf8');
  closeSync(fd);
  const cacheFile = `${bundle}.cache-${stat.size}-${Math.trunc(stat.mtimeMs)}`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // The first run after a build makes it.
  }
  const script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  const module = new Module(bundle);
  module.filename = bundle;
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  // Written after the command ran, so the cache holds the functions it compiled on the way.
  const keep = () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
      writeAtomic(cacheFile, script.createCachedData());
    } catch {
      // A read-only installation runs without the cache.
    }
  };
  return { main: module.exports.main, keep };
}

const { main, keep } = load();
process.exitCode = await main(process.argv.slice(2));
keep();
