// The `reestr` command as a user runs it: a child process on a real database file.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventPage } from '../../shared/schema/event';
import { tempDir } from '../helpers';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');

function reestr(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('reestr CLI', () => {
  it('loads the demo and lists the nine events of the sample report for 2021-H2', () => {
    const db = join(tempDir(), 'r.sqlite');
    const demo = reestr(['demo', '--db', db]);
    expect(demo.code).toBe(0);
    expect(demo.out).toMatch(/Загружены демонстрационные данные: 9 мероприятий и 1 соглашение/);
    expect(reestr(['demo', '--db', db]).out).toMatch(/уже загружены/);

    const list = reestr(['events', 'list', '--db', db, '--period', '2021-H2', '--json']);
    expect(list.code).toBe(0);
    const page = JSON.parse(list.out) as EventPage;
    expect(page.total).toBe(9);
    expect(page.items.map((e) => [e.startDate, e.endDate, e.datePrecision])).toEqual([
      ['2021-06-27', '2021-07-01', 'day'],
      ['2021-08-27', '2021-08-28', 'day'],
      ['2021-08-30', '2021-08-31', 'day'],
      ['2021-09-01', '2021-10-31', 'month'],
      ['2021-09-07', '2021-09-08', 'day'],
      ['2021-09-08', '2021-09-08', 'day'],
      ['2021-09-20', '2021-09-20', 'day'],
      ['2021-11-19', '2021-11-21', 'day'],
      ['2021-11-24', '2021-11-26', 'day'],
    ]);
    const treatment = page.items[3];
    expect(treatment?.agreementTitle).toMatch(/^Договор о сотрудничестве между Постоянным Комитетом/);

    const human = reestr(['--db', db, 'events', 'list', '--period', '2021-Q3', '--sphere', 'социальная сфера']);
    expect(human.out).toMatch(/сентябрь–октябрь 2021/);
    expect(human.out).toMatch(/Всего: 2 мероприятия/);
  });

  it('adds, shows, deletes and restores an event; REESTR_DB names the file', () => {
    const env = { REESTR_DB: join(tempDir(), 'env.sqlite') };
    const add = reestr(['events', 'add', '--json', JSON.stringify({ title: 'Дни культуры Витебской области', kind: 'Дни культуры', startDate: '2022-04-01', datePrecision: 'quarter', city: 'Витебск' })], env);
    expect(add).toMatchObject({ code: 0, err: '' });
    expect(add.out).toMatch(/Добавлено мероприятие № 1/);
    const show = reestr(['events', 'show', '1'], env);
    expect(show.out).toMatch(/II квартал 2022 \(квартал\)/);
    expect(show.out).toMatch(/Витебск, Витебская область, Республика Беларусь/);
    expect(reestr(['events', 'delete', '1'], env).code).toBe(0);
    expect(reestr(['events', 'list'], env).out).toMatch(/Мероприятий не найдено/);
    expect(reestr(['events', 'restore', '1'], env).code).toBe(0);
    expect(reestr(['events', 'list', '--json'], env).out).toMatch(/"total": 1/);
  });

  it.each([
    ['bad JSON', ['events', 'add', '--json', '{"title": "x",'], /^Ошибка: Неверный JSON в параметре «--json» \(ошибка в позиции \d+\)/],
    ['an unknown field', ['events', 'add', '--json', '{"title": "x", "startDate": "2021-01-01", "place": "Минск"}'], /^Ошибка: Неизвестное поле «place»/],
    ['an end before the start', ['events', 'add', '--json', '{"title": "x", "startDate": "2021-02-01", "endDate": "2021-01-31"}'], /^Ошибка: Поле «Дата окончания»: дата окончания раньше даты начала/],
    ['an empty title', ['events', 'add', '--json', '{"title": "  ", "startDate": "2021-02-01"}'], /^Ошибка: Поле «Название»: значение не может быть пустым/],
    ['a missing start date', ['events', 'add', '--json', '{"title": "x"}'], /^Ошибка: Поле «Дата начала»: обязательное поле не заполнено/],
    ['a bad period', ['events', 'list', '--period', 'осень'], /^Ошибка: Поле «Период»: не удалось разобрать период «осень»/],
    ['an unknown command', ['events', 'purge'], /^Ошибка: Неизвестная команда «events purge»/],
  ])('refuses %s with one Russian line, a non-zero exit and nothing written', (_, args, message) => {
    const db = join(tempDir(), 'bad.sqlite');
    reestr(['demo', '--db', db]);
    const before = reestr(['events', 'list', '--json', '--db', db]).out;
    const result = reestr([...args, '--db', db]);
    expect(result.code).not.toBe(0);
    expect(result.out).toBe('');
    expect(result.err).toMatch(message);
    expect(result.err.split('\n')[0]).not.toMatch(/at |Error|\{/);
    expect(reestr(['events', 'list', '--json', '--db', db]).out).toBe(before);
  });

  it('refuses a database of a newer version without touching it', () => {
    const db = join(tempDir(), 'new.sqlite');
    reestr(['demo', '--db', db]);
    const raise = spawnSync(process.execPath, ['-e', `const D=require('better-sqlite3'); const d=new D(${JSON.stringify(db)}); d.pragma('wal_checkpoint(TRUNCATE)'); d.pragma('journal_mode = DELETE'); d.pragma('user_version = 999'); d.close();`], { cwd: join(import.meta.dirname, '../..') });
    expect(raise.status).toBe(0);
    const bytes = readFileSync(db);
    const result = reestr(['events', 'list', '--db', db]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Ошибка: База данных создана более новой версией программы/);
    expect(readFileSync(db).equals(bytes)).toBe(true);
  });

  it('prints help in Russian', () => {
    const help = reestr(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Использование: reestr/);
  });
});
