// The process the last-resort tests start: the `reestr` command run as bin/reestr.js runs it, with a
// failure nothing catches thrown at it: from a timer while it serves, or while a command runs.
import { main } from '../../electron/cli/main';

const [mode, db, out] = process.argv.slice(2) as [string, string, string];
const THROWN = 'Проверка: исключение, которое никто не поймал';
const REJECTED = 'Проверка: отказ, который никто не обработал';

const say = (line: string) => process.stdout.write(`${line}\n`);
const io = {
  out: (line: string) => {
    say(line);
    // Once the address is out, the server is up: fail from outside any request, as a stray timer would.
    if (mode === 'serve' && line.startsWith('http://')) {
      setTimeout(() => {
        void Promise.reject(new Error(REJECTED));
        throw new Error(THROWN);
      }, 0);
    }
  },
  err: (line: string) => process.stderr.write(`${line}\n`),
};

if (mode === 'serve') {
  process.exitCode = await main(['serve', '--no-open', '--port', '0', '--db', db], io);
} else {
  // The backup waits on SQLite's copy: the command is still running when the failure comes.
  const running = main(['backup', '--db', db, '--out', out], io);
  if (mode === 'exception') {
    process.nextTick(() => {
      throw new Error(THROWN);
    });
  } else {
    void Promise.reject(new Error(REJECTED));
  }
  process.exitCode = await running;
}
