// The job runner in the built command: `reestr serve` runs an import commit and an export in the bundled worker over HTTP.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobStatus } from '../../shared/schema/jobs';
import { tempDir } from '../helpers';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/reestr.js');

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts `reestr serve` on a new register and gives a caller of its HTTP contract. */
async function serve() {
  const child = spawn(process.execPath, [BIN, '--db', join(tempDir(), 'reestr.sqlite'), 'serve', '--no-open', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const base = await new Promise<string>((resolve, reject) => {
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      const match = /(http:\/\/127\.0\.0\.1:\d+)\/#token=([\w-]+)/.exec(out);
      if (match) resolve(`${match[1]}|${match[2]}`);
    });
    child.on('exit', (code) => reject(new Error(`the server ended (${code}):\n${out}\n${err}`)));
  });
  const [origin, token] = base.split('|') as [string, string];
  return async <T>(method: string, input: unknown): Promise<T> => {
    const res = await fetch(`${origin}/api/${method}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', origin }, body: JSON.stringify(input) });
    const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } } & T;
    if (body.ok === false) throw new Error(`${method}: ${body.error?.message}`);
    return (body.ok === true ? body.value : body) as T;
  };
}

async function follow(call: Awaited<ReturnType<typeof serve>>, jobId: string): Promise<JobStatus> {
  for (;;) {
    const status = await call<JobStatus>('jobs.status', { jobId });
    if (status.state !== 'running') return status;
    await sleep(50);
  }
}

describe('jobs in the built command', () => {
  it('analyses and commits an import, exports it, backs up and checks the register, writes a document in the worker bundled beside the command', async () => {
    const call = await serve();
    // bin/reestr.js ran the bundle, whose runner loads this file.
    expect(existsSync(join(ROOT, 'dist/cli/job-worker.cjs'))).toBe(true);
    const csv = ['Наименование мероприятия;Сроки проведения;Место проведения', ...Array.from({ length: 300 }, (_, i) => `Семинар № ${i + 1};01.02.2025;г. Орша`)].join('\r\n');
    const analysis = await call<{ jobId: string }>('jobs.start', { kind: 'import.analyze', input: { fileName: 'план.csv', data: Buffer.from(csv).toString('base64') } });
    const analysed = await follow(call, analysis.jobId);
    expect(analysed).toMatchObject({ state: 'done', progress: { done: 301, total: 301, sheets: 1 }, result: { summary: { new: 300 } } });
    const preview = analysed.result as { fileId: string };
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'import.commit', input: { fileId: preview.fileId } });
    expect(await follow(call, jobId)).toMatchObject({ state: 'done', progress: { done: 300, total: 300 }, result: { created: 300 } });
    expect((await call<{ total: number }>('events.list', {})).total).toBe(300);

    const exported = await call<{ jobId: string }>('jobs.start', { kind: 'export.csv', input: { period: '2025' } });
    const end = await follow(call, exported.jobId);
    expect(end.state).toBe('done');
    const text = Buffer.from((end.result as { data: string }).data, 'base64').toString('utf8');
    expect(text).toContain('Семинар № 300');

    const period = await call<{ jobId: string }>('jobs.start', { kind: 'export.period', input: { period: '2025' } });
    expect(await follow(call, period.jobId)).toMatchObject({ state: 'done', progress: { done: 300, total: 300 } });
    const backup = await call<{ jobId: string }>('jobs.start', { kind: 'backups.create', input: {} });
    expect(await follow(call, backup.jobId)).toMatchObject({ state: 'done', result: { reason: 'manual' } });
    const check = await call<{ jobId: string }>('jobs.start', { kind: 'check', input: {} });
    expect(await follow(call, check.jobId)).toMatchObject({ state: 'done', result: { ok: true } });
    const { report } = await call<{ report: unknown }>('report.draft', { period: '2025' });
    const document = await call<{ jobId: string }>('jobs.start', { kind: 'report.export', input: { report, period: '2025', format: 'docx' } });
    const written = await follow(call, document.jobId);
    expect(written).toMatchObject({ state: 'done', kind: 'report.export' });
    // A .docx is a ZIP: «PK» first.
    expect(Buffer.from((written.result as { data: string }).data, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);
});
