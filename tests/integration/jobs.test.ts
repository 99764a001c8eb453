// The job runner: an import committed in a worker thread reports progress, can be cancelled, and the register stays readable.
import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDispatch, createHandlers, RESTORE_DURING_IMPORT, WRITE_DURING_IMPORT } from '../../electron/core/backend';
import type { LocalCore } from '../../electron/core/core';
import type { JobStatus } from '../../shared/schema/jobs';
import { tempCore } from '../helpers';

const CITIES = ['Витебск', 'Орша', 'Полоцк', 'Новополоцк', 'Глубокое'];

/** A plan of `rows` distinct events, as a clerk's CSV. */
function planCsv(rows: number): string {
  const lines = ['Наименование мероприятия;Сроки проведения;Место проведения'];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    const month = String((i % 12) + 1).padStart(2, '0');
    lines.push(`Совещание № ${i + 1};${day}.${month}.2025;г. ${CITIES[i % CITIES.length]}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

function setup() {
  const core = tempCore();
  const dispatch = createDispatch(createHandlers(core));
  const call = async <T>(method: string, input: unknown): Promise<T> => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as T;
  };
  return { core, dispatch, call };
}

/** Everything a commit could touch, counted, with the newest change log entry. */
function snapshot(core: LocalCore) {
  const count = (table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    events: count('events'),
    texts: count('event_texts'),
    refs: count('refs'),
    batches: count('import_batches'),
    profiles: count('import_profiles'),
    log: count('change_log'),
    lastLog: core.db.prepare('SELECT * FROM change_log ORDER BY id DESC LIMIT 1').get() ?? null,
  };
}

type Call = ReturnType<typeof setup>['call'];

/** Polls a job until it ends, keeping every progress seen. */
async function follow(call: Call, jobId: string, each?: (status: JobStatus) => Promise<void>): Promise<{ end: JobStatus; seen: JobStatus[] }> {
  const seen: JobStatus[] = [];
  for (;;) {
    const status = await call<JobStatus>('jobs.status', { jobId });
    seen.push(status);
    if (status.state !== 'running') return { end: status, seen };
    await each?.(status);
    await sleep(5);
  }
}

describe('jobs: an import commit in a worker thread', () => {
  it('commits 20,000 rows with growing progress, and events.list answers meanwhile with the register as it was', async () => {
    const { core, call } = setup();
    await call('events.create', { title: 'Уже в реестре', startDate: '2024-01-10' });
    const preview = await call<{ fileId: string; summary: { new: number } }>('import.analyze', { fileName: 'план.csv', data: Buffer.from(planCsv(20_000)).toString('base64') });
    expect(preview.summary.new).toBe(20_000);

    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'import.commit', input: { fileId: preview.fileId } });
    const listed: number[] = [];
    const { end, seen } = await follow(call, jobId, async (status) => {
      // Mid-write the other connection's rows are not committed yet: the list still shows the one event.
      if (status.progress.done > 0 && status.progress.done < status.progress.total) listed.push((await call<{ total: number }>('events.list', {})).total);
    });

    expect(end).toMatchObject({ state: 'done', progress: { done: 20_000, total: 20_000 }, result: { created: 20_000, skipped: 0, errors: 0 } });
    const dones = seen.map((s) => s.progress.done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(seen.some((s) => s.progress.done > 0 && s.progress.done < 20_000)).toBe(true);
    expect(listed.length).toBeGreaterThan(0);
    expect(new Set(listed)).toEqual(new Set([1]));
    expect((await call<{ total: number }>('events.list', {})).total).toBe(20_001);
    expect((await core.events.get(2))?.title).toBe('Совещание № 1');
    // The file is let go once committed, as after the direct call.
    expect((await call<{ jobId: string }>('jobs.start', { kind: 'import.commit', input: { fileId: preview.fileId } }).catch((e: Error) => e.message))).toMatch(/больше не открыт/);
  });

  it('cancelled mid-write leaves the register exactly as before: counts, references and change log', async () => {
    const { core, call, dispatch } = setup();
    await call('events.create', { title: 'Уже в реестре', startDate: '2024-01-10', city: 'Минск' });
    const preview = await call<{ fileId: string }>('import.analyze', { fileName: 'план.csv', data: Buffer.from(planCsv(20_000)).toString('base64') });
    const before = snapshot(core);

    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'import.commit', input: { fileId: preview.fileId } });
    let cancelledAt = -1;
    let refused: unknown = null;
    let restore: unknown = null;
    let restoreJob: unknown = null;
    const { end } = await follow(call, jobId, async (status) => {
      if (cancelledAt < 0 && status.progress.done > 0) {
        // The worker holds the write lock: a write here is refused at once, saying why, not left waiting.
        refused = await dispatch('events.create', { title: 'Во время импорта', startDate: '2024-02-01' });
        // The copy the import made before writing: restoring it now would replace the file under the job.
        const [copy] = (await call<{ backups: { name: string }[] }>('backups.list', {})).backups;
        restore = await dispatch('backups.restore', { name: copy?.name });
        restoreJob = await dispatch('jobs.start', { kind: 'backups.restore', input: { name: copy?.name } });
        cancelledAt = status.progress.done;
        expect((await call<JobStatus>('jobs.cancel', { jobId })).state).toBe('running');
      }
    });
    expect(refused).toEqual({ ok: false, error: { code: 'conflict', message: WRITE_DURING_IMPORT } });
    expect(restore).toEqual({ ok: false, error: { code: 'conflict', message: RESTORE_DURING_IMPORT } });
    expect(restoreJob).toEqual({ ok: false, error: { code: 'conflict', message: RESTORE_DURING_IMPORT } });

    expect(cancelledAt).toBeGreaterThan(0);
    expect(end.state).toBe('cancelled');
    expect(end.result).toBeUndefined();
    expect(snapshot(core)).toEqual(before);
    // Cancelling an ended job changes nothing; with no job writing, writes wait for the lock as usual again.
    expect((await call<JobStatus>('jobs.cancel', { jobId })).state).toBe('cancelled');
    expect(core.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    await call('events.create', { title: 'После отмены', startDate: '2024-02-01' });
    expect(snapshot(core).events).toBe(before.events + 1);
  });

  it('cancelled before its worker starts writes nothing, and the file can still be committed', async () => {
    const { core, call } = setup();
    const preview = await call<{ fileId: string }>('import.analyze', { fileName: 'план.csv', data: Buffer.from(planCsv(50)).toString('base64') });
    const before = snapshot(core);
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'import.commit', input: { fileId: preview.fileId } });
    await call('jobs.cancel', { jobId });
    expect((await follow(call, jobId)).end.state).toBe('cancelled');
    expect(snapshot(core)).toEqual(before);

    const again = await call<{ jobId: string }>('jobs.start', { kind: 'import.commit', input: { fileId: preview.fileId } });
    expect((await follow(call, again.jobId)).end).toMatchObject({ state: 'done', progress: { done: 50, total: 50 }, result: { created: 50 } });
  });

  it('exports in a worker thread the same file as the direct call', async () => {
    const { core, call } = setup();
    for (let i = 0; i < 30; i++) await call('events.create', { title: `Форум ${i + 1}`, startDate: `2024-0${(i % 9) + 1}-10`, city: 'Витебск' });
    const direct = await call<{ fileName: string; data: string }>('export.csv', { period: '2024' });
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'export.csv', input: { period: '2024' } });
    const { end } = await follow(call, jobId);
    expect(end).toMatchObject({ state: 'done', kind: 'export.csv', result: direct });

    const all = await call<{ jobId: string }>('jobs.start', { kind: 'export.all', input: {} });
    const whole = (await follow(call, all.jobId)).end;
    expect(whole.state).toBe('done');
    const file = whole.result as { fileName: string; data: string };
    expect(file.fileName).toMatch(/^Реестр_полная_выгрузка_\d{4}-\d{2}-\d{2}\.xlsx$/);
    // An .xlsx is a ZIP: «PK» first.
    expect(Buffer.from(file.data, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await core.events.get(1))?.title).toBe('Форум 1');
  });

  it('cancels an export by stopping its thread: no result, the register as it was', async () => {
    const { core, call } = setup();
    await call('events.create', { title: 'Форум', startDate: '2024-03-10' });
    const before = snapshot(core);
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'export.period', input: {} });
    await call('jobs.cancel', { jobId });
    const { end } = await follow(call, jobId);
    expect(end.state).toBe('cancelled');
    expect(end.result).toBeUndefined();
    expect(snapshot(core)).toEqual(before);
  });

  it('analyses a file in a worker: rows read and sheets told, the same preview as the direct call, committed by its id', async () => {
    const { core, call } = setup();
    const data = Buffer.from(planCsv(3_000)).toString('base64');
    const direct = await call<{ fileId: string }>('import.analyze', { fileName: 'план.csv', data });
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'import.analyze', input: { fileName: 'план.csv', data } });
    const { end, seen } = await follow(call, jobId);
    // 3,000 rows and the header, on one sheet (a CSV file), then checked.
    expect(end).toMatchObject({ state: 'done', kind: 'import.analyze', progress: { done: 3_001, total: 3_001, sheets: 1, stage: 'checking' } });
    expect(end.result).toEqual(direct);
    expect(seen.every((s) => s.progress.done <= s.progress.total)).toBe(true);
    // Another preview of the kept file, with other options, by its id alone.
    const again = await call<{ jobId: string }>('jobs.start', { kind: 'import.analyze', input: { fileName: 'план.csv', fileId: direct.fileId, options: { headerRow: 1 } } });
    expect((await follow(call, again.jobId)).end).toMatchObject({ state: 'done', result: { fileId: direct.fileId, headerRow: 1, summary: { new: 3_000 } } });
    const commit = await call<{ jobId: string }>('jobs.start', { kind: 'import.commit', input: { fileId: direct.fileId } });
    expect((await follow(call, commit.jobId)).end).toMatchObject({ state: 'done', result: { created: 3_000 } });
    expect((await core.events.get(1))?.title).toBe('Совещание № 1');
  });

  it('analysing a file that is no table fails as the direct call does; cancelled, it leaves nothing', async () => {
    const { core, call } = setup();
    const bad = Buffer.from('PK\u0003\u0004 это не книга').toString('base64');
    const direct = await setup().dispatch('import.analyze', { fileName: 'книга.xlsx', data: bad });
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'import.analyze', input: { fileName: 'книга.xlsx', data: bad } });
    const { end } = await follow(call, jobId);
    expect(direct.ok).toBe(false);
    expect(end).toMatchObject({ state: 'failed', error: direct.ok ? {} : direct.error });

    const before = snapshot(core);
    const big = await call<{ jobId: string }>('jobs.start', { kind: 'import.analyze', input: { fileName: 'план.csv', data: Buffer.from(planCsv(50_000)).toString('base64') } });
    expect((await call<JobStatus>('jobs.cancel', big)).state).toBe('running');
    const cancelled = (await follow(call, big.jobId)).end;
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.result).toBeUndefined();
    expect(snapshot(core)).toEqual(before);
  });

  it('exports the period workbook with events written of the total', async () => {
    const { call } = setup();
    for (let i = 0; i < 250; i++) await call('events.create', { title: `Семинар ${i + 1}`, startDate: `2024-0${(i % 9) + 1}-1${i % 10}`, status: i % 5 ? 'held' : 'planned' });
    await call('events.create', { title: 'Вне периода', startDate: '2023-05-05', status: 'held' });
    const direct = await call<{ fileName: string }>('export.period', { period: '2024' });
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'export.period', input: { period: '2024', groupBy: 'sphere' } });
    const { end, seen } = await follow(call, jobId);
    expect(end).toMatchObject({ state: 'done', kind: 'export.period', progress: { done: 250, total: 250, stage: 'writing' }, result: { fileName: direct.fileName } });
    expect(Buffer.from((end.result as { data: string }).data, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
    expect(seen.every((s) => s.progress.done <= s.progress.total)).toBe(true);
    const csv = await call<{ jobId: string }>('jobs.start', { kind: 'export.csv', input: { period: '2024', statuses: ['planned'] } });
    expect((await follow(call, csv.jobId)).end).toMatchObject({ state: 'done', progress: { done: 50, total: 50 } });
  });

  it('makes a backup, checks the register and restores the backup, each in a worker', async () => {
    const { core, call } = setup();
    await call('events.create', { title: 'До копии', startDate: '2024-01-10' });
    const made = await call<{ jobId: string }>('jobs.start', { kind: 'backups.create', input: {} });
    const backup = (await follow(call, made.jobId)).end;
    expect(backup).toMatchObject({ state: 'done', kind: 'backups.create', progress: { stage: 'checking' }, result: { reason: 'manual' } });
    const { name } = backup.result as { name: string };
    expect((await call<{ backups: { name: string }[] }>('backups.list', {})).backups.map((b) => b.name)).toContain(name);

    const check = await call<{ jobId: string }>('jobs.start', { kind: 'check', input: {} });
    expect((await follow(call, check.jobId)).end).toMatchObject({ state: 'done', result: { ok: true, detail: null } });

    await call('events.create', { title: 'После копии', startDate: '2024-02-10' });
    const restore = await call<{ jobId: string }>('jobs.start', { kind: 'backups.restore', input: { name } });
    const { end, seen } = await follow(call, restore.jobId);
    expect(end).toMatchObject({ state: 'done', result: { contents: { events: 1 }, safety: { reason: 'restore' }, keptAs: null } });
    expect(seen.at(-1)?.progress.stage).toBe('writing');
    // The serving connection sees the restored register at once.
    expect((await call<{ items: { title: string }[] }>('events.list', {})).items.map((e) => e.title)).toEqual(['До копии']);
    expect(core.db.prepare("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'копии'").pluck().get()).toBe(1);
  });

  it('a backup cancelled while it copies leaves no file', async () => {
    const { call } = setup();
    for (let i = 0; i < 5; i++) await call('events.createMany', { inputs: Array.from({ length: 500 }, (_, j) => ({ title: `Встреча ${i}-${j} ${'подробно '.repeat(40)}`, startDate: '2024-03-10' })) });
    const before = (await call<{ backups: unknown[] }>('backups.list', {})).backups.length;
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'backups.create', input: {} });
    await call('jobs.cancel', { jobId });
    const { end } = await follow(call, jobId);
    expect(end.state).toBe('cancelled');
    expect((await call<{ backups: unknown[] }>('backups.list', {})).backups.length).toBe(before);
  });

  it('exports a document in a worker as the direct call does', async () => {
    const { call } = setup();
    await call('events.create', { title: 'Форум регионов', startDate: '2024-03-10', status: 'held', city: 'Витебск' });
    const { report } = await call<{ report: unknown }>('report.draft', { period: '2024-H1' });
    const input = { report, period: '2024-H1', format: 'txt' };
    const direct = await call<{ fileName: string; data: string }>('report.export', input);
    const { jobId } = await call<{ jobId: string }>('jobs.start', { kind: 'report.export', input });
    expect((await follow(call, jobId)).end).toMatchObject({ state: 'done', kind: 'report.export', result: direct });
  });

  it('names an unknown job in Russian', async () => {
    const { dispatch } = setup();
    expect(await dispatch('jobs.status', { jobId: 'нет' })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch('jobs.status', { jobId: '0000-ffff' })).toEqual({ ok: false, error: { code: 'not_found', message: 'Задание не найдено: возможно, программа была перезапущена. Проверьте журнал импорта.' } });
  });
});
