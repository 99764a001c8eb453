// `npm start`: builds, then opens the desktop app; where Electron's binary cannot be had, the web mode.
import { spawn, spawnSync } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
if (spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' }).status !== 0) process.exit(1);

/** Electron's executable, downloading it on first use; null when that is impossible (no internet). */
function electronBinary() {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 180_000 });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
}

const args = process.argv.slice(2);
const electron = electronBinary();
const child = electron
  ? spawn(electron, ['.', ...args], { stdio: 'inherit' })
  : (console.log('Программа Electron недоступна на этом компьютере (её не удалось загрузить), поэтому «Реестр сотрудничества» откроется в браузере.'),
    spawn(process.execPath, ['bin/reestr.js', 'serve', ...args], { stdio: 'inherit' }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
