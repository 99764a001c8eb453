// `npm start`: builds, then opens the desktop app; where Electron's binary cannot be had, the web mode.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const windows = process.platform === 'win32';
const npm = windows ? 'npm.cmd' : 'npm';
if (spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: windows }).status !== 0) process.exit(1);

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

function webMode(reason) {
  console.log(`${reason} «Реестр сотрудничества» откроется в браузере.`);
  return spawn(process.execPath, ['bin/reestr.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' });
}

const electron = electronBinary();
const binding = electron && sqliteForElectron();
const child = !electron
  ? webMode('Программа Electron недоступна на этом компьютере (её не удалось загрузить), поэтому')
  : !binding
    ? webMode('Не удалось собрать модуль базы данных для Electron, поэтому')
    : spawn(electron, ['.', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, REESTR_SQLITE_BINDING: binding } });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
// A program that cannot be started is told in one line, not as a stack trace from here.
child.on('error', (e) => {
  console.error(`Не удалось запустить программу: ${e.message}`);
  process.exit(1);
});
child.on('exit', (code) => process.exit(code ?? 0));
