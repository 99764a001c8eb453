// Bench rows for the job runner: how the thread that serves calls answers while an import is read and
// written, and a workbook exported, in worker threads.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { createDispatch, createHandlers } from '../electron/core/backend';
import { closeCore, openCore } from '../electron/core/core';
import type { JobStatus } from '../shared/schema/jobs';
import type { Row } from './row';
import { p95 } from './percentile';
import { fillRegister } from './fill';


const CITIES = ['Витебск', 'Орша', 'Полоцк', 'Новополоцк', 'Глубокое', 'Лепель', 'Поставы'];

function planCsv(rows: number): Buffer {
  const lines = ['Наименование мероприятия;Сроки проведения;Место проведения;Вид мероприятия'];
  for (let i = 0; i < rows; i++) {
    const date = `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.${2015 + (i % 12)}`;
    lines.push(`Рабочая встреча по плану № ${i + 1};${date};г. ${CITIES[i % CITIES.length]};${i % 2 ? 'семинар' : 'встреча'}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}


type Call = <T>(method: string, input: unknown) => Promise<T>;

/**
 * Follows the job `jobId` to its end, calling `events.list` (a page of 50) through the same dispatch
 * again and again meanwhile, each timed from call to answer once the job reports progress.
 */
async function listWhile(call: Call, jobId: string): Promise<{ samples: number[]; took: number; status: JobStatus }> {
  const started = performance.now();
  const samples: number[] = [];
  let status: JobStatus;
  for (let i = 0; ; i++) {
    status = await call<JobStatus>('jobs.status', { jobId });
    if (status.state !== 'running') break;
    const t = performance.now();
    await call('events.list', { period: String(2015 + (i % 12)), limit: 50 });
    if (status.progress.done > 0 || status.progress.stage) samples.push(performance.now() - t);
    await yieldToLoop();
  }
  if (status.state !== 'done') throw new Error(`the ${status.kind} job ended ${status.state}: ${status.error?.message ?? ''}`);
  return { samples, took: performance.now() - started, status };
}

/**
 * A `rows`-row file analysed, then committed, as jobs through the contract, as the wizard does, into
 * the register `file`, then a year's workbook exported as the Экспорт page does; meanwhile
 * `events.list` is called again and again and timed. The register gains the rows.
 */
export async function jobRows(file: string, rows = 100_000): Promise<Row[]> {
  const core = openCore(file, { deferCheck: true });
  try {
    const dispatch = createDispatch(createHandlers(core));
    const call: Call = async <T>(method: string, input: unknown): Promise<T> => {
      const result = await dispatch(method, input);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };
    // The same calls with no job running: what the machine gives them now, for comparison.
    const idle: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await call('events.list', { period: String(2015 + (i % 12)), limit: 50 });
      idle.push(performance.now() - t);
      await yieldToLoop();
    }
    const analysis = await listWhile(call, (await call<{ jobId: string }>('jobs.start', { kind: 'import.analyze', input: { fileName: 'план.csv', data: planCsv(rows).toString('base64') } })).jobId);
    const { fileId } = analysis.status.result as { fileId: string };
    const commit = await listWhile(call, (await call<{ jobId: string }>('jobs.start', { kind: 'import.commit', input: { fileId } })).jobId);
    const exported = await listWhile(call, (await call<{ jobId: string }>('jobs.start', { kind: 'export.period', input: { period: '2024' } })).jobId);
    const n = (samples: number[]) => `${samples.length} calls`;
    return [
      { measure: `events.list p95 with no job running, for comparison (${n(idle)})`, value: p95(idle), target: null, unit: 'ms' },
      { measure: `events.list p95 while a ${rows.toLocaleString('en')}-row import job writes (${n(commit.samples)})`, value: p95(commit.samples), target: 50, unit: 'ms' },
      { measure: '  the job: backup, read, check and write in its worker thread', value: commit.took / 1000, target: null, unit: 's' },
      { measure: `events.list p95 while the same file is read and checked in a job (${n(analysis.samples)})`, value: p95(analysis.samples), target: 50, unit: 'ms' },
      { measure: '  the job: read and check', value: analysis.took / 1000, target: null, unit: 's' },
      { measure: `events.list p95 while a year’s workbook of ${exported.status.progress.total.toLocaleString('en')} events is written in a job (${n(exported.samples)})`, value: p95(exported.samples), target: 50, unit: 'ms' },
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
    await fillRegister(core, events);
    closeCore(core);
    return await jobRows(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
