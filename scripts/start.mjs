// `npm start`: builds what changed since the last build (quietly), then opens the desktop app; where
// Electron's binary cannot be had (or with --web), the web mode, whose address is the first line printed.
// Flags: --web (the web mode, without trying Electron), --no-open (no browser), --port N; others go to Electron.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { isCurrent, outputsNewer } from './fresh.mjs';

const ROOT = join(import.meta.dirname, '..');
process.chdir(ROOT);
const windows = process.platform === 'win32';
const npm = windows ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);
const forceWeb = args.includes('--web');
const passed = args.filter((a) => a !== '--web');
/** What this start rebuilt, for the tests and the bench: REESTR_START_REPORT names a file to write it to. */
const rebuilt = [];

/** What the renderer is built from: when none of it is newer than dist/renderer, Vite is skipped. */
const RENDERER_SOURCES = ['renderer', 'shared', 'vite.config.ts', 'node_modules/.package-lock.json'];
/** Build output goes here, not to the terminal: the address is the first line. Shown when a build fails. */
const BUILD_LOG = join(ROOT, 'node_modules', '.cache', 'reestr', 'start-build.log');

function quietly(name, command, commandArgs) {
  const run = spawnSync(command, commandArgs, { encoding: 'utf8', shell: windows, maxBuffer: 64 * 1024 * 1024 });
  mkdirSync(dirname(BUILD_LOG), { recursive: true });
  writeFileSync(BUILD_LOG, `${run.stdout ?? ''}${run.stderr ?? ''}`);
  if (run.status !== 0) {
    process.stderr.write(`${run.stdout ?? ''}${run.stderr ?? ''}`);
    console.error(`Не удалось собрать ${name} (сообщения сборки выше, они же в «${BUILD_LOG}»).`);
    process.exit(1);
  }
  rebuilt.push(name);
}

/** Builds the parts the chosen mode needs whose sources changed since they were built. */
function buildStale(web) {
  if (!outputsNewer(ROOT, 'dist/renderer', RENDERER_SOURCES)) quietly('интерфейс', process.execPath, ['node_modules/vite/bin/vite.js', 'build']);
  if (web && !isCurrent(ROOT, 'dist/cli')) quietly('команду reestr', process.execPath, ['scripts/build-cli.mjs']);
  if (!web && !isCurrent(ROOT, 'dist-electron')) quietly('оболочку приложения', process.execPath, ['scripts/build-electron.mjs']);
  if (process.env.REESTR_START_REPORT) writeFileSync(process.env.REESTR_START_REPORT, JSON.stringify({ rebuilt }));
}

/** Electron's executable, downloading it on first use; null when that is impossible (no internet). */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 180_000 });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
}

/**
 * better-sqlite3 built for Electron's ABI, beside the Node build in node_modules that `npm test` uses:
 * a copy of the module is compiled against Electron's headers, once per Electron version.
 */
function sqliteForElectron() {
  const version = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
  const target = resolve(`node_modules/.cache/reestr/electron-${version}/better_sqlite3.node`);
  if (existsSync(target)) return target;
  console.log(`Сборка better-sqlite3 для Electron ${version} (один раз)…`);
  const work = mkdtempSync(join(tmpdir(), 'reestr-sqlite-'));
  try {
    cpSync('node_modules/better-sqlite3', work, { recursive: true, filter: (path) => !path.includes(`${join('better-sqlite3', 'build')}`) });
    const gyp = spawnSync(npm, ['exec', '--yes', '--', 'node-gyp', 'rebuild', '--release', '--runtime=electron', `--target=${version}`, '--dist-url=https://electronjs.org/headers'],
      { cwd: work, stdio: 'inherit', shell: windows, env: { ...process.env, npm_config_nodedir: '' } });
    if (gyp.status !== 0) return null;
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The web mode: the server's first line (the address) first, then why it is the browser, then the rest. */
function webMode(reason) {
  buildStale(true);
  const child = spawn(process.execPath, ['bin/reestr.js', 'serve', ...passed], { stdio: ['inherit', 'pipe', 'inherit'] });
  let first = true;
  child.stdout.on('data', (chunk) => {
    const text = chunk.toString('utf8');
    const end = text.indexOf('\n');
    if (!first || end < 0) return void process.stdout.write(text);
    first = false;
    process.stdout.write(`${text.slice(0, end + 1)}${reason ? `${reason}\n` : ''}${text.slice(end + 1)}`);
  });
  return child;
}

let child;
if (forceWeb) child = webMode('');
else {
  const electron = electronBinary();
  const binding = electron && sqliteForElectron();
  if (!electron) child = webMode('Программа Electron недоступна на этом компьютере (её не удалось загрузить), поэтому программа работает в браузере.');
  else if (!binding) child = webMode('Не удалось собрать модуль базы данных для Electron, поэтому программа работает в браузере.');
  else {
    buildStale(false);
    child = spawn(electron, ['.', ...passed.filter((a) => a !== '--no-open')], { stdio: 'inherit', env: { ...process.env, REESTR_SQLITE_BINDING: binding } });
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
// A program that cannot be started is told in one line, not as a stack trace from here.
child.on('error', (e) => {
  console.error(`Не удалось запустить программу: ${e.message}`);
  process.exit(1);
});
child.on('exit', (code) => process.exit(code ?? 0));
