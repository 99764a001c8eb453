// `npm start` when the build is current: the address is its first line, nothing is rebuilt; and the
// `reestr` command rebuilds its bundle when a source is newer than it.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, expect, it, onTestFinished } from 'vitest';
import { tempDir } from '../helpers';

const ROOT = join(import.meta.dirname, '..', '..');
/** A first start may run Vite on a busy machine. */
const BUILD_MS = 300_000;

interface Started {
  lines: string[];
  rebuilt: string[];
}

/** Runs `node scripts/start.mjs --web --no-open` until it has printed `count` lines, then stops it. */
async function start(count: number): Promise<Started> {
  const dir = tempDir();
  const report = join(dir, 'start.json');
  const child = spawn(process.execPath, ['scripts/start.mjs', '--web', '--no-open'], {
    cwd: ROOT,
    env: { ...process.env, REESTR_DB: join(dir, 'reestr.sqlite'), REESTR_START_REPORT: report },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Stopped even when the test times out waiting for it.
  onTestFinished(() => void child.kill('SIGTERM'));
  let errors = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  const lines: string[] = [];
  const input = createInterface({ input: child.stdout });
  try {
    await new Promise<void>((resolve, reject) => {
      input.on('line', (line) => {
        lines.push(line);
        if (lines.length === count) resolve();
      });
      void exited.then((code) => reject(new Error(`npm start ended (${code}) after ${lines.length} lines:\n${lines.join('\n')}\n${errors}`)));
    });
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
  return { lines, rebuilt: (JSON.parse(readFileSync(report, 'utf8')) as { rebuilt: string[] }).rebuilt };
}

const mtime = (path: string) => statSync(join(ROOT, path)).mtimeMs;

describe('npm start', () => {
  it('prints the address first and says no browser was opened, without rebuilding a current build', async () => {
    // The first start brings the build up to date (nothing to do right after `npm run build`).
    await start(1);
    const before = [mtime('dist/renderer/index.html'), mtime('dist/cli/main.cjs'), mtime('dist/cli/inputs.json')];
    const { lines, rebuilt } = await start(2);
    expect(lines[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/);
    expect(lines[1]).toMatch(/^Браузер не открывался: откройте адрес выше/);
    expect(rebuilt).toEqual([]);
    expect([mtime('dist/renderer/index.html'), mtime('dist/cli/main.cjs'), mtime('dist/cli/inputs.json')]).toEqual(before);
  }, 2 * BUILD_MS);
});

describe('reestr', () => {
  it('rebuilds its bundle before running when one of its sources is newer', () => {
    const run = () => spawnSync(process.execPath, ['bin/reestr.js', '--help'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run().status).toBe(0);
    const builtAt = () => (JSON.parse(readFileSync(join(ROOT, 'dist/cli/inputs.json'), 'utf8')) as { builtAt: number }).builtAt;
    const first = builtAt();
    // An input touched (its content unchanged): the bundle is older than it now.
    const now = Date.now() / 1000;
    utimesSync(join(ROOT, 'scripts/fresh.mjs'), now, now);
    const after = run();
    expect(after.status).toBe(0);
    expect(after.stdout).toMatch(/^reestr — «Реестр сотрудничества» из командной строки/);
    expect(builtAt()).toBeGreaterThan(first);
    // And the next run finds it current.
    const second = builtAt();
    expect(run().status).toBe(0);
    expect(builtAt()).toBe(second);
  }, 240_000);
});
