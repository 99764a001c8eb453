// Runs hostile cases in a process of its own (started with a small heap by hostile-input.test.ts):
// a file that would take all the memory ends this process, not the test run. Prints one JSON line
// as each case starts and one with its report, so the case that ended the process is known.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeCore, openCore } from '../../electron/core/core';
import { loadDemo } from '../../electron/core/services/demo';
import { hostileCases } from './hostile-files';
import { runCase } from './hostile-run';

const wanted = new Set(process.argv.slice(2));
const dir = mkdtempSync(join(tmpdir(), 'reestr-hostile-'));
const core = openCore(join(dir, 'reestr.sqlite'));
try {
  await loadDemo(core);
  for (const c of hostileCases().filter((h) => wanted.has(h.name))) {
    process.stdout.write(`${JSON.stringify({ start: c.name })}\n`);
    const report = await runCase(core, c);
    const { heapUsed, rss } = process.memoryUsage();
    process.stdout.write(`${JSON.stringify({ report, heapMB: Math.round(heapUsed / 2 ** 20), rssMB: Math.round(rss / 2 ** 20) })}\n`);
  }
} finally {
  closeCore(core);
  rmSync(dir, { recursive: true, force: true });
}
