// Bench rows for starting up: the `reestr` command beside bare Node, and `npm start` to its address when built.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Row } from './row';


const ROOT = join(import.meta.dirname, '..');
/** Runs of each command, interleaved so that a busy spell of this shared machine falls on all of them. */
const RUNS = 15;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Milliseconds from spawning `command` to its exit. */
function spawnTime(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const run = spawnSync(command, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${run.stderr}`);
  return ms;
}

/** Milliseconds from spawning `npm start` to the first line it prints (the address), which it returns too. */
async function untilAddress(env: NodeJS.ProcessEnv): Promise<{ ms: number; line: string; rebuilt: string[] }> {
  const report = join(env.REESTR_BENCH_DIR ?? tmpdir(), `start-${Date.now()}.json`);
  const start = performance.now();
  const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start', '--silent', '--', '--web', '--no-open'], {
    cwd: ROOT,
    env: { ...env, REESTR_START_REPORT: report },
    stdio: ['ignore', 'pipe', 'inherit'],
    shell: process.platform === 'win32',
    detached: process.platform !== 'win32',
  });
  const lines = createInterface({ input: child.stdout });
  const line = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`npm start ended (${code}) before its address`)));
  });
  const ms = performance.now() - start;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // npm, start.mjs and the server: the whole group.
  if (child.pid && process.platform !== 'win32') process.kill(-child.pid, 'SIGTERM');
  else child.kill();
  await exited;
  const rebuilt = (JSON.parse(readFileSync(report, 'utf8')) as { rebuilt: string[] }).rebuilt;
  rmSync(report, { force: true });
  return { ms, line, rebuilt };
}

export async function startRows(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reestr-bench-start-'));
  const env = { ...process.env, REESTR_DB: join(dir, 'start.sqlite'), REESTR_BENCH_DIR: dir };
  try {
    const cli = (args: string[]) => spawnTime(process.execPath, ['bin/reestr.js', ...args], env);
    // The bundle brought up to date and its code cache made, as after a build and a first command.
    cli(['demo']);
    cli(['events', 'list']);
    const bare: number[] = [];
    const help: number[] = [];
    const list: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(spawnTime(process.execPath, ['-e', ''], env));
      help.push(cli(['--help']));
      list.push(cli(['events', 'list']));
    }
    // The first start may build what changed since the last build; the second finds the build current.
    await untilAddress(env);
    const started: number[] = [];
    for (let i = 0; i < 3; i++) {
      const { ms, line, rebuilt } = await untilAddress(env);
      if (!/^http:\/\/127\.0\.0\.1:\d+\/#token=/.test(line)) throw new Error(`npm start printed «${line}» first, not the address`);
      if (rebuilt.length) throw new Error(`npm start rebuilt ${rebuilt.join(', ')} although the build was current`);
      started.push(ms);
    }
    const [b, h, l] = [median(bare), median(help), median(list)];
    return [
      { measure: `reestr --help ÷ bare node -e '' (${h.toFixed(0)} ÷ ${b.toFixed(0)} ms, medians of ${RUNS})`, value: h / b, target: 3, unit: '×' },
      { measure: `reestr events list ÷ bare node -e '' (${l.toFixed(0)} ÷ ${b.toFixed(0)} ms, 9 events)`, value: l / b, target: 3, unit: '×' },
      { measure: 'npm start to its address, the build current (web mode, best of 3)', value: Math.min(...started) / 1000, target: 3, unit: 's' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
