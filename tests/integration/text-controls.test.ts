// NUL and other control characters sent through the contract never reach the database or an export.
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import type { LocalCore } from '../../electron/core/core';
import { tempCore } from '../helpers';

/** Control characters a stored text may not hold: Unicode Cc but tab, line feed and carriage return. */
const CONTROL = /[^\P{Cc}\t\n\r]/u;

/** Every text value of every row of every table, with where it lies. */
function storedTexts(core: LocalCore): { at: string; text: string }[] {
  const tables = core.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables.flatMap((table) =>
    (core.db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all() as Record<string, unknown>[]).flatMap((row) =>
      Object.entries(row).flatMap(([column, value]) => (typeof value === 'string' ? [{ at: `${table}.${column}`, text: value }] : [])),
    ),
  );
}

function dirty(core: LocalCore) {
  return storedTexts(core).filter(({ text }) => CONTROL.test(text));
}

async function setup() {
  const core = tempCore();
  const logged: unknown[] = [];
  const dispatch = createDispatch(createHandlers(core), (e) => logged.push(e));
  const call = async (method: string, input: unknown) => {
    const result = await dispatch(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
    return result.value as Record<string, unknown>;
  };
  return { core, dispatch, call, logged };
}

const NUL = '\u0000';

describe('control characters through the contract', () => {
  it('drops them from every text of an event, an agreement and a reference entry, and the records are kept', async () => {
    const { core, call, logged } = await setup();
    const agreement = await call('agreements.create', {
      title: `Соглашение${NUL} о сотрудничестве\x07`,
      number: `12-С${NUL}`,
      parties: [`Витебская${NUL} область`, '\x1bМинск'],
      department: `Отдел${NUL}`,
      notes: `Примечание\nвторая\x00\x01\x02 строка\tс табуляцией\r\n`,
      spheres: [`культура${NUL}`],
    });
    expect(agreement).toMatchObject({ title: 'Соглашение о сотрудничестве', number: '12-С', parties: ['Витебская область', 'Минск'], department: 'Отдел', notes: 'Примечание\nвторая строка\tс табуляцией', spheres: ['культура'] });

    const event = await call('events.create', {
      title: `${NUL}Форум${NUL} «Молодёжь»\x1b[31m`,
      kind: `форум${NUL}`,
      startDate: '2024-03-01',
      city: `${NUL}Витебск`,
      region: `Витебская область\x7f`,
      country: `Республика Беларусь\u0085`,
      venue: `Зал${NUL}`,
      spheres: [`культура${NUL}`, 'культура'],
      partners: [`Витебская${NUL} область`],
      participants: `Делегация${NUL}`,
      organizer: `Комитет${NUL}`,
      outcomes: `Итоги${NUL}`,
      description: `Описание\x00\x0b\x0c конец`,
      agreementId: agreement.id,
    });
    expect(event).toMatchObject({
      title: 'Форум «Молодёжь»[31m', kind: 'форум', city: 'Витебск', region: 'Витебская область', country: 'Республика Беларусь',
      venue: 'Зал', spheres: ['культура'], partners: ['Витебская область'], participants: 'Делегация', organizer: 'Комитет', outcomes: 'Итоги',
      description: 'Описание конец',
    });
    await call('events.update', { id: event.id, version: event.version, input: { title: `Форум${NUL} 2024`, kind: `форум${NUL}`, startDate: '2024-03-01', description: `${NUL}` } });
    expect(await call('events.get', { id: event.id })).toMatchObject({ title: 'Форум 2024', description: null });

    const ref = await call('refs.create', { kind: 'city', name: `Тестоград${NUL}` });
    expect(ref).toMatchObject({ name: 'Тестоград' });
    expect(await call('refs.update', { id: ref.id, name: `Тестоград\x01`, genitive: `Тестограда${NUL}`, instrumental: `\x00`, locative: 'Тестограде\x1b' })).toMatchObject({
      name: 'Тестоград', genitive: 'Тестограда', instrumental: null, locative: 'Тестограде',
    });

    await call('calendar.savePrefs', { place: `month/2024-03${NUL}`, filters: { kinds: [`форум${NUL}`] } });
    expect(await call('calendar.prefs', {})).toMatchObject({ place: 'month/2024-03', filters: { kinds: ['форум'] } });
    await call('report.save', { period: '2024-H1', report: { title: `Отчёт за${NUL} полугодие`, paragraphs: [{ eventId: null, text: `Абзац\x08${NUL} второй` }] } });
    expect(await call('report.draft', { period: '2024-H1' })).toMatchObject({ report: { title: 'Отчёт за полугодие', paragraphs: [{ text: 'Абзац второй' }] } });

    // Searches with them part words at them, as the index does.
    expect(await call('events.list', { query: `Форум${NUL}2024`, kinds: [`форум${NUL}`] })).toMatchObject({ total: 1 });
    expect(await call('agreements.list', { query: `Соглашение${NUL}` })).toMatchObject({ total: 1 });

    expect(dirty(core)).toEqual([]);
    expect(storedTexts(core).length).toBeGreaterThan(20);
    expect(logged).toEqual([]);
  });

  it('refuses a title or a name made of them alone, naming the field, and writes nothing', async () => {
    const { core, dispatch } = await setup();
    const count = () => core.db.prepare('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM agreements) + (SELECT count(*) FROM refs)').pluck().get();
    const before = count();
    expect(await dispatch('events.create', { title: `${NUL}\x01 \x1b`, startDate: '2024-03-01' })).toEqual({
      ok: false, error: { code: 'validation', message: 'Поле «Название»: значение не может быть пустым' },
    });
    expect(await dispatch('agreements.create', { title: NUL })).toMatchObject({ ok: false, error: { message: 'Поле «Название»: значение не может быть пустым' } });
    expect(await dispatch('refs.create', { kind: 'city', name: `${NUL}${NUL}` })).toMatchObject({ ok: false, error: { message: 'Поле «Название»: значение не может быть пустым' } });
    expect(await dispatch('events.create', { title: 'Форум', startDate: '2024-03-01', spheres: ['\x00'] })).toMatchObject({ ok: false, error: { message: 'Поле «Сферы»: значение не может быть пустым' } });
    expect(count()).toBe(before);
  });

  it('refuses a backup folder with a control character in its path: a path is not changed behind the user', async () => {
    const { dispatch } = await setup();
    expect(await dispatch('settings.setBackupFolder', { folder: `/tmp/копии${NUL}` })).toEqual({
      ok: false, error: { code: 'validation', message: 'Поле «Папка резервных копий»: путь не может содержать управляющие символы' },
    });
  });

  it('keeps them out of the CSV export and the imported rows', async () => {
    const { core, call } = await setup();
    await call('events.create', { title: `Встреча${NUL}\x1b[2J`, kind: `круглый стол${NUL}`, startDate: '2024-05-01', city: `Орша${NUL}` });
    const csv = Buffer.from((await call('export.csv', {})).data as string, 'base64').toString('utf8');
    expect(csv).toMatch(/Встреча\[2J;круглый стол;Орша/);
    expect(csv).not.toMatch(CONTROL);

    // A NUL makes the file binary and refused; the other controls are read, and dropped.
    const file = Buffer.from(`Наименование мероприятия;Сроки проведения;Место проведения;Описание\r\nСовещание\x01\x02;01.02.2025;г. Витебск\x7f;Текст\x1b[31m\x08\r\n`, 'utf8');
    const preview = await call('import.analyze', { fileName: 'план.csv', data: file.toString('base64') });
    await call('import.commit', { fileId: preview.fileId });
    const imported = (await call('events.list', { period: '2025' })) as { items: { title: string; city: string | null; description: string | null }[] };
    expect(imported.items.map((e) => [e.title, e.city, e.description])).toEqual([['Совещание', 'Витебск', 'Текст[31m']]);
    expect(dirty(core)).toEqual([]);
  });
});
