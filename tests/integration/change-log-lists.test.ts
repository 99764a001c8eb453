// The change log's table admits exactly the actions of the one list (shared/schema/history.ts) and the
// entities of the record kinds' registry: the database's CHECK constraints agree with the code.
import { describe, expect, it } from 'vitest';
import { CHANGE_ACTIONS } from '../../shared/schema/history';
import { RECORD_KINDS } from '../../shared/record-kinds';
import { tempCore } from '../helpers';

/** The quoted values of `column … CHECK (column IN (…))` in a table's SQL. */
function checkedValues(sql: string, column: string): string[] {
  const list = new RegExp(`\\b${column}\\s+TEXT NOT NULL CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(sql)?.[1];
  if (list === undefined) throw new Error(`no CHECK list for ${column} in ${sql}`);
  return [...list.matchAll(/'([^']+)'/g)].map((m) => m[1] as string);
}

describe('the change log table', () => {
  it('takes the actions and the record kinds the code names, and no others', () => {
    const core = tempCore();
    const sql = core.db.prepare<[], string>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'change_log'").pluck().get() as string;
    expect(checkedValues(sql, 'action').sort()).toEqual([...CHANGE_ACTIONS].sort());
    expect(checkedValues(sql, 'entity').sort()).toEqual([...RECORD_KINDS, 'ref', 'batch'].sort());
  });
});
