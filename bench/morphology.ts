// Bench rows for the report's Russian morphology (shared/ru/morph.ts over az's OpenCorpora dictionary):
// loading the dictionary in a fresh process (time and memory), and drafting the report of a year of
// 1,000 events entered as fields only (every paragraph built by the generator).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeCore, openCore } from '../electron/core/core';
import { buildReport } from '../electron/core/services/reports';
import { ensureMorphology } from '../electron/core/report/morphology';
import { createEvents } from '../electron/core/services/events';
import { ReportInputSchema } from '../shared/schema/report';
import { generateEvents } from './generate';
import type { Row } from './row';


const MB = 1024 * 1024;

/** In this process: the dictionary loaded from disk, with what it cost. */
function loadHere(): { ms: number; rss: number; heap: number } {
  global.gc?.();
  const before = process.memoryUsage();
  const ms = ensureMorphology();
  global.gc?.();
  const after = process.memoryUsage();
  return { ms, rss: (after.rss - before.rss) / MB, heap: (after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers) / MB };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function morphologyRows(events = 1000): Promise<Row[]> {
  // A fresh process: the first report's cost as the app meets it, not this bench's warm one.
  const loaded = JSON.parse(execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), '--load'], { encoding: 'utf8', timeout: 120_000 })) as ReturnType<typeof loadHere>;
  const dir = mkdtempSync(join(tmpdir(), 'reestr-bench-morph-'));
  const core = openCore(join(dir, 'bench.sqlite'));
  try {
    await createEvents(core, generateEvents(events, 19, 2021, 2021).map((e) => ({ ...e, description: null, status: 'held' as const })));
    ensureMorphology();
    const input = ReportInputSchema.parse({ period: '2021' });
    const samples: number[] = [];
    let paragraphs = 0;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      paragraphs = (await buildReport(core, input)).paragraphs.filter((p) => p.generated).length;
      samples.push(performance.now() - start);
    }
    if (paragraphs !== events) throw new Error(`the report built ${paragraphs} paragraphs of ${events} events`);
    return [
      { measure: 'morphology dictionary load (fresh process)', value: loaded.ms, target: 1000, unit: 'ms' },
      { measure: 'morphology dictionary memory (RSS growth)', value: loaded.rss, target: null, unit: 'MB' },
      { measure: 'morphology dictionary memory (heap + buffers)', value: loaded.heap, target: null, unit: 'MB' },
      { measure: `report of ${events.toLocaleString('en')} field-only events (median of 5)`, value: median(samples), target: 3000, unit: 'ms' },
    ];
  } finally {
    closeCore(core);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--load')) process.stdout.write(JSON.stringify(loadHere()));
