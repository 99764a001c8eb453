// Bundles the `reestr` command into dist/cli/main.cjs: one CommonJS file, so that bin/reestr.js can keep
// V8's compiled code beside it (an ES module cannot be given a code cache on Node 20); the modules that
// commands import() are evaluated only when those commands run. Run by `npm install` (prepare),
// `npm run build`, and by bin/reestr.js itself when a source changed since the bundle was made.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { INPUTS_FILE, writeAtomic, writeInputs } from './fresh.mjs';

const ROOT = join(import.meta.dirname, '..');
export const CLI_DIR = 'dist/cli';
export const BUNDLE = `${CLI_DIR}/main.cjs`;
/** bin/reestr.js keeps V8's code cache of the bundle in files named so, beside it. */
export const CACHE_PREFIX = 'main.cjs.cache-';
const WORKER = 'job-worker.cjs';
/** SQL the sources read beside their module (db/migrate.ts, store/pg/migrate.ts): beside the bundle, here. */
const SQL_DIRS = { migrations: 'electron/core/db/migrations', 'pg-migrations': 'electron/core/store/pg/pg-migrations' };

/** Builds the bundle; throws esbuild's failure (its messages already printed) or ERR_MODULE_NOT_FOUND without esbuild. */
export async function buildCli() {
  const { build } = await import('esbuild');
  const builtAt = Date.now();
  const out = join(ROOT, CLI_DIR);
  const options = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // better-sqlite3 is native; exceljs loads its own files at run time (and electron/core/excel.ts patches one).
    external: ['better-sqlite3', 'exceljs'],
    // The sources find their files (migrations, the renderer) from their module's URL: the bundle's, here.
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
    metafile: true,
    write: false,
    logLevel: 'error',
  };
  const result = await build({ ...options, entryPoints: ['electron/cli/main.ts'], outfile: BUNDLE });
  // The job runner's worker threads (electron/core/jobs/runner.ts) load this file beside the bundle.
  const worker = await build({ ...options, entryPoints: ['electron/core/jobs/worker.ts'], outfile: `${CLI_DIR}/${WORKER}` });
  mkdirSync(out, { recursive: true });
  for (const file of [...result.outputFiles, ...worker.outputFiles]) writeAtomic(file.path, file.contents);
  // Code caches of earlier bundles (V8 checks a cache against its source's length only), and whatever else an
  // earlier layout left.
  for (const name of readdirSync(out)) if (!['main.cjs', WORKER, ...Object.keys(SQL_DIRS), INPUTS_FILE].includes(name) && !name.endsWith('.tmp')) rmSync(join(out, name), { recursive: true, force: true });
  const sqlFiles = [];
  for (const [dir, source] of Object.entries(SQL_DIRS)) {
    mkdirSync(join(out, dir), { recursive: true });
    const names = readdirSync(join(ROOT, source));
    for (const name of names) writeAtomic(join(out, dir, name), readFileSync(join(ROOT, source, name)));
    for (const name of readdirSync(join(out, dir))) if (!names.includes(name)) rmSync(join(out, dir, name), { force: true });
    sqlFiles.push(source, ...names.map((name) => `${source}/${name}`));
  }
  const lock = 'node_modules/.package-lock.json';
  writeInputs(ROOT, CLI_DIR, builtAt, [
    ...new Set([...Object.keys(result.metafile.inputs), ...Object.keys(worker.metafile.inputs)]),
    ...sqlFiles,
    'scripts/build-cli.mjs',
    'scripts/fresh.mjs',
    // Rewritten by every npm install: a changed dependency rebuilds the bundle.
    ...(existsSync(join(ROOT, lock)) ? [lock] : []),
  ]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    await buildCli();
  } catch (e) {
    // `npm install --omit=dev` runs prepare too, without esbuild: bin/reestr.js then runs the bundle there is.
    if (e?.code === 'ERR_MODULE_NOT_FOUND' && !e.errors) {
      console.log('Сборка команды reestr пропущена: сборщик esbuild не установлен (зависимости разработки не загружены).');
    } else {
      console.error(`Не удалось собрать команду reestr: ${e?.errors ? 'сообщения сборщика выше.' : e?.message}`);
      process.exit(1);
    }
  }
}
