// Bench rows for the job runner: how the thread that serves calls answers while an import is written in a worker.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { createEvents } from '../electron/core/services/events';
import { generateEvents } from './generate';
import { createDispatch, createHandlers } from '../electron/core/backend';
import { closeCore, openCore } from '../electron/core/core';
import type { JobStatus } from '../shared/schema/jobs';

interface Row {
  measure: string;
  value: number;
  target: number | null;
  unit: string;
}

const CITIES = ['Витебск', 'Орша', 'Полоцк', 'Новополоцк', 'Глубокое', 'Лепель', 'Поставы'];

function planCsv(rows: number): Buffer {
  const lines = ['Наименование мероприятия;Сроки проведения;Место проведения;Вид мероприятия'];
  for (let i = 0; i < rows; i++) {
    const date = `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.${2015 + (i % 12)}`;
    lines.push(`Рабочая встреча по плану № ${i + 1};${date};г. ${CITIES[i % CITIES.length]};${i % 2 ? 'семинар' : 'встреча'}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

/**
 * A `rows`-row import committed as a job through the contract, as the wizard does, into the register
 * `file`; meanwhile `events.list` (a page of 50) is called through the same dispatch again and again,
 * each timed from call to answer. The register gains the rows.
 */
export async function jobRows(file: string, rows = 100_000): Promise<Row[]> {
  const core = openCore(file, { deferCheck: true });
  try {
    const dispatch = createDispatch(createHandlers(core));
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };
    const preview = await call<{ fileId: string }>('import.analyze', { fileName: 'план.csv', data: planCsv(rows).toString('base64') });
    const started = performance.now();
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'import.commit', input: { fileId: preview.fileId } });
    const whileWriting: number[] = [];
    let status: JobStatus;
    for (let i = 0; ; i++) {
      status = await call<JobStatus>('jobs.status', { jobId });
      if (status.state !== 'running') break;
      const t = performance.now();
      await call('events.list', { period: String(2015 + (i % 12)), limit: 50 });
      if (status.progress.done > 0) whileWriting.push(performance.now() - t);
      await yieldToLoop();
    }
    const took = performance.now() - started;
    if (status.state !== 'done') throw new Error(`the import job ended ${status.state}: ${status.error?.message ?? ''}`);
    return [
      { measure: `events.list p95 while a ${rows.toLocaleString('en')}-row import job writes (${whileWriting.length} calls)`, value: p95(whileWriting), target: 50, unit: 'ms' },
      { measure: '  the job: backup, read, check and write in its worker thread', value: took / 1000, target: null, unit: 's' },
    ];
  } finally {
    closeCore(core);
  }
}

/** `npm run bench -- --only jobs`: the rows above on a register of `events` made for them alone. */
export async function jobRowsAlone(events: number): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reestr-bench-jobs-'));
  try {
    const file = join(dir, 'bench.sqlite');
    const core = openCore(file);
    for (let i = 0; i < events; i += 10_000) createEvents(core, generateEvents(Math.min(10_000, events - i), 7 + i, 2015, 2026, i + 1));
    closeCore(core);
    return await jobRows(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
