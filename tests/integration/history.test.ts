// Change history: every action on events and agreements logged with user, time and fields, read back
// as the clerk reads it, and any earlier version brought back in one logged transaction.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { closeCore, openCore, type Core } from '../../electron/core/core';
import { describeBackends, type Backend } from '../support/backends';
import { analyze } from '../../electron/core/import/analyze';
import { createAgreement, deleteAgreement, getAgreement, restoreAgreement, updateAgreement } from '../../electron/core/services/agreements';
import { loadDemo } from '../../electron/core/services/demo';
import { createEvent, deleteEvent, getEvent, listEvents, restoreEvent, updateEvent } from '../../electron/core/services/events';
import { recordHistory, revertRecord } from '../../electron/core/services/history';
import { commitPreview, readImportSource, undoBatch } from '../../electron/core/services/imports';
import { listRefs, mergeRefs, updateRef } from '../../electron/core/services/references';
import { api } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { AgreementInputSchema, type AgreementInput } from '../../shared/schema/agreement';
import { EventFilterSchema } from '../../shared/schema/event';
import type { HistoryEntry } from '../../shared/schema/history';
import type { ImportOptions } from '../../shared/schema/import';
import { databaseAtVersion, eventInput } from '../helpers';
import { tempCore } from '../helpers';

/** Each entry as one line: the action, and the fields it changed. */
function lines(entries: HistoryEntry[]): string[] {
  return entries.map((e) => [e.action, ...e.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`)].join(' | '));
}

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  try {
    await run();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('not refused');
}

function logRows(backend: Backend, core: Core, entity: string, id: number) {
  return backend.all<{ action: string; user_name: string; at: string; version_of: number | null }>(
    core,
    'SELECT action, user_name, at, version_of FROM change_log WHERE entity = ? AND entity_id = ? ORDER BY id',
    [entity, id],
  );
}

async function importCsv(core: Core, name: string, text: string, options: ImportOptions = {}) {
  const source = await readImportSource(name, Buffer.from(text, 'utf8'));
  return commitPreview(core, await analyze(core, source, options), options, source);
}

const agreementInput = (raw: Partial<AgreementInput> = {}) =>
  AgreementInputSchema.parse({ title: 'Соглашение о сотрудничестве', parties: ['Витебская область'], ...raw });

describeBackends('change history of an event', (backend) => {
  it('records create, updates, trash and restore with user and time, newest first, as the clerk reads them', async () => {
    const core = await backend.core();
    const agreement = await createAgreement(core, agreementInput({ title: 'Соглашение с Витебской областью' }));
    const event = await createEvent(core, eventInput({ title: 'Форум молодёжи', kind: 'форум', city: 'Смоленск', spheres: ['культура'] }));
    await updateEvent(core, event.id, eventInput({
      title: 'Форум молодёжи «Вместе»', kind: 'форум', city: 'Смоленск', spheres: ['культура', 'спорт'],
      startDate: '2021-09-01', datePrecision: 'month', format: 'in_person', agreementId: agreement.id,
    }));
    await deleteEvent(core, event.id);
    await restoreEvent(core, event.id);

    const history = await recordHistory(core, 'event', event.id);
    expect(history.map((e) => e.action)).toEqual(['restore', 'delete', 'update', 'create']);
    expect(history.every((e) => e.user === core.user && e.user.length > 0)).toBe(true);
    expect(history.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
    expect(lines(history)[2]).toBe([
      'update',
      'Название: Форум молодёжи → Форум молодёжи «Вместе»',
      'Сроки: 08.09.2021 → сентябрь 2021',
      'Формат: — → очно',
      'Сферы сотрудничества: культура → культура, спорт',
      'Соглашение: — → Соглашение с Витебской областью',
    ].join(' | '));
    // The trash moves change no field the clerk wrote; the creation lists none.
    expect(history[0]?.changes).toEqual([]);
    expect(history[1]?.changes).toEqual([]);
    expect(history[3]?.changes).toEqual([]);
    // Going back to the first version would undo the update.
    expect(history[3]?.restores.map((c) => c.label)).toEqual(['Название', 'Сроки', 'Формат', 'Сферы сотрудничества', 'Соглашение']);
    expect(history[0]?.restores).toEqual([]);
  });

  it('brings back the version right after a change, logged as a revert that can itself be taken back', async () => {
    const core = await backend.core();
    const event = await createEvent(core, eventInput({ title: 'Первое название', city: 'Орша', outcomes: 'Подписан план' }));
    await updateEvent(core, event.id, eventInput({ title: 'Второе название', city: 'Орша', outcomes: 'Подписан план' }));
    await updateEvent(core, event.id, eventInput({ title: 'Третье название', city: 'Витебск', outcomes: null }));

    const created = (await recordHistory(core, 'event', event.id)).at(-1) as HistoryEntry;
    expect(created.action).toBe('create');
    await revertRecord(core, 'event', event.id, created.changeId);
    expect(await getEvent(core, event.id)).toMatchObject({ title: 'Первое название', city: 'Орша', outcomes: 'Подписан план' });

    const history = await recordHistory(core, 'event', event.id);
    expect(history[0]).toMatchObject({ action: 'revert', revertedTo: created.at, user: core.user });
    expect(lines(history)[0]).toBe('revert | Название: Третье название → Первое название | Город: Витебск → Орша | Итоги: — → Подписан план');
    const rows = (await logRows(backend, core, 'event', event.id));
    expect(rows.at(-1)).toMatchObject({ action: 'revert', version_of: created.changeId, user_name: core.user });

    // The second version, from before the revert, is still there to go back to.
    const second = history.find((e) => e.changes.some((c) => c.after === 'Второе название')) as HistoryEntry;
    expect(second.restores.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual(['Название: Первое название → Второе название']);
    await revertRecord(core, 'event', event.id, second.changeId);
    expect(await getEvent(core, event.id)).toMatchObject({ title: 'Второе название', city: 'Орша', outcomes: 'Подписан план' });
    // And the version the first revert replaced.
    const third = (await recordHistory(core, 'event', event.id)).find((e) => e.changes.some((c) => c.after === 'Третье название')) as HistoryEntry;
    await revertRecord(core, 'event', event.id, third.changeId);
    expect(await getEvent(core, event.id)).toMatchObject({ title: 'Третье название', city: 'Витебск', outcomes: null });
  });

  it('refuses a revert in the trash, to the version it has, or to a change not its own, and changes nothing', async () => {
    const core = await backend.core();
    const event = await createEvent(core, eventInput({ title: 'А' }));
    const other = await createEvent(core, eventInput({ title: 'Другое' }));
    await updateEvent(core, event.id, eventInput({ title: 'Б' }));
    const [latest, created] = await recordHistory(core, 'event', event.id) as [HistoryEntry, HistoryEntry];
    const before = (await logRows(backend, core, 'event', event.id)).length;

    expect((await refusal(() => revertRecord(core, 'event', event.id, latest.changeId))).message).toBe('Эта версия совпадает с нынешней: возвращать нечего.');
    const foreign = (await recordHistory(core, 'event', other.id))[0] as HistoryEntry;
    expect((await refusal(() => revertRecord(core, 'event', event.id, foreign.changeId))).code).toBe('not_found');
    await deleteEvent(core, event.id);
    expect((await refusal(() => revertRecord(core, 'event', event.id, created.changeId))).message).toMatch(/находится в корзине: сначала восстановите его/);
    expect((await getEvent(core, event.id)).title).toBe('Б');
    expect((await logRows(backend, core, 'event', event.id)).length).toBe(before + 1); // the delete only
    expect((await refusal(() => recordHistory(core, 'event', 9999))).code).toBe('not_found');
  });

});

describeBackends('change history of an agreement', (backend) => {
  it('records create, update, trash and restore, and brings back an earlier version', async () => {
    const core = await backend.core();
    const agreement = await createAgreement(core, agreementInput({ number: '12', signedOn: '2020-03-01', validUntil: '2025-03-01', department: 'Отдел международных связей' }));
    await updateAgreement(core, agreement.id, agreementInput({ number: '12-а', kind: 'memorandum', signedOn: '2020-03-02', validUntil: null, autoProlongation: true, status: 'draft' }));
    await deleteAgreement(core, agreement.id);
    await restoreAgreement(core, agreement.id);

    const history = await recordHistory(core, 'agreement', agreement.id);
    expect(history.map((e) => e.action)).toEqual(['restore', 'delete', 'update', 'create']);
    expect(lines(history)[2]).toBe([
      'update',
      'Вид: соглашение → меморандум',
      'Номер: 12 → 12-а',
      'Статус: действует → проект',
      'Подписано: 01.03.2020 → 02.03.2020',
      'Действует до: 01.03.2025 → бессрочно',
      'Автоматическая пролонгация: нет → да',
      'Ответственное подразделение: Отдел международных связей → —',
    ].join(' | '));

    await revertRecord(core, 'agreement', agreement.id, (history[3] as HistoryEntry).changeId);
    expect(await getAgreement(core, agreement.id)).toMatchObject({
      kind: 'agreement', number: '12', signedOn: '2020-03-01', validUntil: '2025-03-01', autoProlongation: false,
      status: 'active', department: 'Отдел международных связей', deletedAt: null,
    });
    expect((await logRows(backend, core, 'agreement', agreement.id)).map((r) => r.action)).toEqual(['create', 'update', 'delete', 'restore', 'revert']);
  });
});

describeBackends('history across imports and reference lists', (backend) => {
  it('shows an imported event as imported from its file, an import update and its undo, each one version', async () => {
    const core = await backend.core();
    const first = await importCsv(core, 'план-2023.csv', 'Название;Дата;Город\nВыставка ремёсел;12.06.2023;Орша\n');
    const [event] = (await listEvents(core, EventFilterSchema.parse({ batchId: first.batchId }))).items;
    if (!event) throw new Error('nothing imported');
    expect(await recordHistory(core, 'event', event.id)).toMatchObject([{ action: 'import', fileName: 'план-2023.csv', changes: [] }]);

    // The same row again, with a venue: the clerk asks to update the existing event.
    const options: ImportOptions = { decisions: { '2': 'update' } };
    const second = await importCsv(core, 'отчёт-2023.csv', 'Название;Дата;Город;Площадка\nВыставка ремёсел;12.06.2023;Орша;Дом ремёсел\n', options);
    expect(second.updated).toBe(1);
    await undoBatch(core, second.batchId as number);

    const history = await recordHistory(core, 'event', event.id);
    expect(history.map((e) => [e.action, e.fileName])).toEqual([['undo', 'отчёт-2023.csv'], ['update', 'отчёт-2023.csv'], ['import', 'план-2023.csv']]);
    expect(lines(history)).toEqual([
      'undo | Место проведения (площадка): Дом ремёсел → —',
      'update | Место проведения (площадка): — → Дом ремёсел',
      'import',
    ]);
    // The version the import made can come back after its undo.
    await revertRecord(core, 'event', event.id, (history[1] as HistoryEntry).changeId);
    expect((await getEvent(core, event.id)).venue).toBe('Дом ремёсел');
  });

  it('logs the unlinking of an event from an agreement whose import is undone', async () => {
    const core = await backend.core();
    const demo = await loadDemo(core);
    const batchId = await core.settings.get<number>('demoBatchId') as number;
    expect(demo.agreements).toBe(1);
    const [agreement] = await backend.all<{ id: number; title: string }>(core, 'SELECT id, title FROM agreements WHERE batch_id = ?', [batchId]);
    const own = await createEvent(core, eventInput({ title: 'Своё мероприятие', agreementId: agreement?.id }));
    await undoBatch(core, batchId);
    expect((await getEvent(core, own.id)).agreementId).toBeNull();
    expect(lines(await recordHistory(core, 'event', own.id))).toEqual([`undo | Соглашение: ${agreement?.title} → —`, 'create']);
    expect((await recordHistory(core, 'event', own.id))[0]?.fileName).toBe('Демонстрационные данные');
  });

  it('logs a merge on each event and agreement it changes, and a revert keeps the merged entry', async () => {
    const core = await backend.core();
    const event = await createEvent(core, eventInput({ title: 'Форум', kind: 'Форумм', spheres: ['Культура', 'Культурка'] }));
    const untouched = await createEvent(core, eventInput({ title: 'Семинар', kind: 'семинар' }));
    const agreement = await createAgreement(core, agreementInput({ spheres: ['Культурка'] }));
    await updateEvent(core, event.id, eventInput({ title: 'Форум друзей', kind: 'Форумм', spheres: ['Культура', 'Культурка'] }));
    const kinds = await listRefs(core, 'kind');
    const spheres = await listRefs(core, 'sphere');
    const id = (list: typeof kinds, name: string) => list.find((r) => r.name === name)?.id as number;
    await mergeRefs(core, id(kinds, 'форум'), id(kinds, 'Форумм'));
    await mergeRefs(core, id(spheres, 'культура'), id(spheres, 'Культурка'));

    const history = await recordHistory(core, 'event', event.id);
    expect(lines(history)).toEqual([
      'merge | Сферы сотрудничества: культура, Культурка → культура',
      'merge | Вид: Форумм → форум',
      'update | Название: Форум → Форум друзей',
      'create',
    ]);
    expect((await recordHistory(core, 'event', untouched.id)).map((e) => e.action)).toEqual(['create']);
    expect(lines(await recordHistory(core, 'agreement', agreement.id))).toEqual(['merge | Сферы сотрудничества: Культурка → культура', 'create']);

    // The first version named «Форумм» and «Культурка»: gone into «форум» and «культура», not added back.
    await revertRecord(core, 'event', event.id, (history[3] as HistoryEntry).changeId);
    expect(await getEvent(core, event.id)).toMatchObject({ title: 'Форум', kind: 'форум', spheres: ['культура'] });
    expect((await listRefs(core, 'kind')).map((r) => r.name)).not.toContain('Форумм');
    expect((await listRefs(core, 'sphere')).map((r) => r.name)).not.toContain('Культурка');
  });

  it('reads an old version\'s names through later renames', async () => {
    const core = await backend.core();
    const event = await createEvent(core, eventInput({ title: 'Встреча', city: 'Городокк' }));
    await updateEvent(core, event.id, eventInput({ title: 'Встреча делегаций', city: 'Городокк' }));
    await updateRef(core, { id: (await listRefs(core, 'city')).find((r) => r.name === 'Городокк')?.id as number, name: 'Городок Витебской области' });
    await revertRecord(core, 'event', event.id, ((await recordHistory(core, 'event', event.id)).at(-1) as HistoryEntry).changeId);
    expect(await getEvent(core, event.id)).toMatchObject({ title: 'Встреча', city: 'Городок Витебской области' });
    expect((await listRefs(core, 'city')).filter((r) => r.name.startsWith('Городок')).map((r) => r.name)).toEqual(['Городок Витебской области']);
  });
});

describe('change history over the contract of a SQLite file', () => {
  it('is served by the contract, its output checked by the schema', async () => {
    const core = tempCore();
    const dispatch = createDispatch(createHandlers(core));
    const event = await createEvent(core, eventInput({ title: 'До' }));
    await updateEvent(core, event.id, eventInput({ title: 'После' }));
    const listed = await dispatch('history.list', { entity: 'event', id: event.id });
    if (!listed.ok) throw new Error(listed.error.message);
    const history = api['history.list'].output.parse(listed.value);
    const reverted = await dispatch('history.revert', { entity: 'event', id: event.id, changeId: history[1]?.changeId });
    expect(reverted).toEqual({ ok: true, value: { ok: true } });
    expect((await getEvent(core, event.id)).title).toBe('До');
    expect(await dispatch('history.list', { entity: 'calendar', id: 1 })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });
});

describe('migration 004', () => {
  it('keeps the log of a register made before it and takes reverts after it', () => {
    const file = databaseAtVersion(3);
    const db = new Database(file);
    db.prepare(`INSERT INTO change_log (at, user_name, action, entity, entity_id) VALUES ('2024-01-01T00:00:00.000Z', 'клерк', 'create', 'event', 1)`).run();
    expect(() => db.prepare(`INSERT INTO change_log (at, user_name, action, entity, entity_id) VALUES ('x', 'y', 'revert', 'event', 1)`).run()).toThrow(/CHECK/);
    db.close();
    const core = openCore(file);
    try {
      expect(core.db.prepare('SELECT user_name, action, version_of FROM change_log').all()).toEqual([{ user_name: 'клерк', action: 'create', version_of: null }]);
      expect(() => core.db.prepare(`INSERT INTO change_log (at, user_name, action, entity, entity_id) VALUES ('x', 'y', 'nonsense', 'event', 1)`).run()).toThrow(/CHECK/);
    } finally {
      closeCore(core);
    }
  });
});
