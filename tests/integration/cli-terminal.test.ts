// Names with terminal escape sequences, from a file's name or a record, reach the terminal as text only.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../shared/schema/event';
import type { ImportBatch } from '../../shared/schema/import';
import { tempDir } from '../helpers';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');
// Whatever a terminal may act on: C0 but line feed, DEL, C1 and the bidirectional controls.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u; // eslint-disable-line no-control-regex -- the characters under test

function reestr(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

// Recolours the text, retitles the window, returns the cursor, clears the screen (C1 CSI), reverses the line.
const HOSTILE = 'план\x1b[31mКРАСНЫЙ\x1b]0;title\x07\r\u009b2J\u202eвсе.csv';

describe('reestr output with escape sequences in names', () => {
  it('imports list shows the file name with placeholders, and --json keeps it exactly', () => {
    const dir = tempDir();
    const db = join(dir, 'r.sqlite');
    const file = join(dir, HOSTILE);
    writeFileSync(file, 'Наименование мероприятия;Сроки проведения;Место проведения\r\nВстреча;01.02.2025;г. Орша\r\n');
    const imported = reestr(['import', file, '--db', db]);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out).not.toMatch(CONTROL);

    const list = reestr(['imports', 'list', '--db', db]);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/план�\[31mКРАСНЫЙ�\]0;title���2J�все\.csv/);
    expect(list.out).not.toMatch(CONTROL);

    const json = reestr(['imports', 'list', '--db', db, '--json']);
    expect(json.out).not.toMatch(CONTROL);
    expect((JSON.parse(json.out) as ImportBatch[]).map((b) => b.fileName)).toEqual([HOSTILE]);
  });

  it('an error line naming a missing file holds no control character', () => {
    const dir = tempDir();
    const missing = reestr(['import', join(dir, `нет${HOSTILE}`), '--db', join(dir, 'r.sqlite')]);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/^Ошибка: .*нетплан�\[31m/);
    expect(missing.err).not.toMatch(CONTROL);
  });

  it('a record whose title holds escape sequences lists and shows as text', () => {
    const db = join(tempDir(), 'r.sqlite');
    const title = 'Встреча\x1b[2J\x1b[H\u009b31m\u202e\nвторая строка';
    const add = reestr(['events', 'add', '--db', db, '--json', JSON.stringify({ title, startDate: '2025-02-01' })]);
    expect(add.code).toBe(0);
    expect(add.out).not.toMatch(CONTROL);
    // The contract drops C0 and C1 controls; the bidirectional override and the line break are text it keeps.
    const kept = 'Встреча[2J[H31m\u202e\nвторая строка';
    expect((JSON.parse(reestr(['events', 'show', '1', '--db', db, '--json']).out) as Event).title).toBe(kept);
    expect(reestr(['events', 'list', '--db', db]).out.trimEnd().split('\n')[1]).toMatch(/Встреча\[2J\[H31m� вторая строка/);

    // A register written before the contract dropped them still holds them: the terminal gets text only.
    const raw = new Database(db);
    raw.prepare('UPDATE events SET title = ? WHERE id = 1').run(title);
    raw.close();
    for (const args of [['events', 'list'], ['events', 'show', '1']]) {
      const shown = reestr([...args, '--db', db]);
      expect(shown.code).toBe(0);
      expect(shown.out).toMatch(/Встреча�\[2J�\[H�31m�/);
      expect(shown.out).not.toMatch(CONTROL);
    }
    const lines = reestr(['events', 'list', '--db', db]).out.split('\n');
    expect(lines[1]).toMatch(/Встреча.* вторая строка/);
    expect(lines[2]).toBe('');
    expect((JSON.parse(reestr(['events', 'show', '1', '--db', db, '--json']).out) as Event).title).toBe(title);
  });
});
