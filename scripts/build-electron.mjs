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
  MIGRATIONS,
  ...readdirSync(MIGRATIONS).map((name) => `${MIGRATIONS}/${name}`),
  'scripts/build-electron.mjs',
  'scripts/fresh.mjs',
  ...(existsSync(lock) ? [lock] : []),
]);
