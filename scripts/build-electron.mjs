// Bundles the Electron shell: main as ESM, the sandboxed preload as CommonJS, migrations beside them.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';
import { writeInputs } from './fresh.mjs';

const builtAt = Date.now();
rmSync('dist-electron', { recursive: true, force: true });
const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning', metafile: true };
const main = await build({
  ...common,
  entryPoints: ['electron/main/main.ts'],
  format: 'esm',
  outfile: 'dist-electron/main.js',
  // exceljs stays a package beside the bundle: it loads its own files at run time.
  external: ['electron', 'better-sqlite3', 'exceljs'],
  // Bundled CommonJS dependencies call require(): give the ESM bundle one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
// The job runner's worker threads (electron/core/jobs/runner.ts) load this file beside main.js: CommonJS, as
// the CLI's, with import.meta.url its own (db/migrate.ts finds the migrations beside it).
const worker = await build({
  ...common,
  entryPoints: ['electron/core/jobs/worker.ts'],
  format: 'cjs',
  outfile: 'dist-electron/job-worker.cjs',
  external: ['better-sqlite3', 'exceljs'],
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// Sandboxed preloads must be CommonJS and may require nothing but electron.
const preload = await build({ ...common, entryPoints: ['electron/main/preload.ts'], format: 'cjs', outfile: 'dist-electron/preload.cjs', external: ['electron'] });
// db/migrate.ts reads the .sql files beside its own module: beside the bundle, here.
const MIGRATIONS = 'electron/core/db/migrations';
cpSync(MIGRATIONS, 'dist-electron/migrations', { recursive: true });
// What `npm start` compares with the sources to skip this build when nothing changed.
const lock = 'node_modules/.package-lock.json';
writeInputs(process.cwd(), 'dist-electron', builtAt, [
  ...Object.keys(main.metafile.inputs),
  ...Object.keys(preload.metafile.inputs),
  ...Object.keys(worker.metafile.inputs),
  MIGRATIONS,
  ...readdirSync(MIGRATIONS).map((name) => `${MIGRATIONS}/${name}`),
  'scripts/build-electron.mjs',
  'scripts/fresh.mjs',
  ...(existsSync(lock) ? [lock] : []),
]);
