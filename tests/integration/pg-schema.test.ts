// The department register's schema on a real PostgreSQL (a throwaway cluster per file): migrations,
// the seeded reference lists, the refusal of a newer schema, the append-only change log, the range
// and word-prefix indexes the queries rely on.
import { describe, expect, it } from 'vitest';
import { migratePg, PG_MIGRATIONS, PG_SCHEMA_VERSION } from '../../electron/core/store/pg/migrate';
import { RefKindSchema } from '../../shared/schema/reference';
import { searchText } from '../../shared/ru/normalize';
import { AppError } from '../../shared/errors';
import { usePostgres } from '../support/postgres';
import { tempCore } from '../helpers';

const pg = usePostgres();

describe('the PostgreSQL schema', () => {
  it('migrates an empty database, twice and from two servers at once, to the latest version', async () => {
    await Promise.all([migratePg(pg.pool), migratePg(pg.pool)]);
    await migratePg(pg.pool);
    const { rows } = await pg.pool.query('SELECT version FROM reestr_schema');
    expect(rows).toEqual([{ version: PG_SCHEMA_VERSION }]);
  });

  it('seeds the same reference lists as a new SQLite register, settlement types included', async () => {
    await migratePg(pg.pool);
    const core = tempCore();
    for (const kind of RefKindSchema.options) {
      const sqlite = (await core.refs.list(kind, true, false)).sort((a, b) => a.id - b.id).map((r) => [r.name, r.parentName, r.gender, r.genitive, r.instrumental, r.locative, r.settlement]);
      const { rows } = await pg.pool.query(
        `SELECT r.name, p.name AS parent, r.gender, r.genitive, r.instrumental, r.locative, r.settlement
         FROM refs r LEFT JOIN refs p ON p.id = r.parent_id WHERE r.kind = $1 ORDER BY r.id`,
        [kind],
      );
      expect(rows.map((r) => Object.values(r)), kind).toEqual(sqlite);
    }
    expect((await core.refs.list('city', true, false)).length).toBeGreaterThan(0);
  });

  it('refuses a database of a newer schema in Russian and leaves it as it was', async () => {
    await migratePg(pg.pool);
    await pg.pool.query('UPDATE reestr_schema SET version = $1', [PG_SCHEMA_VERSION + 1]);
    const error = await migratePg(pg.pool).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_newer');
    expect((error as AppError).message).toMatch(/более новой версией.*база оставлена без изменений/);
    expect((await pg.pool.query('SELECT version FROM reestr_schema')).rows).toEqual([{ version: PG_SCHEMA_VERSION + 1 }]);
    await pg.pool.query('UPDATE reestr_schema SET version = $1', [PG_SCHEMA_VERSION]);
  });

  it('rolls a failing migration back whole', async () => {
    await migratePg(pg.pool);
    const broken = [...PG_MIGRATIONS, { version: PG_SCHEMA_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();' }];
    await expect(migratePg(pg.pool, broken)).rejects.toThrow(/no_such_function/);
    expect((await pg.pool.query(`SELECT to_regclass('half_done') AS t`)).rows).toEqual([{ t: null }]);
    expect((await pg.pool.query('SELECT version FROM reestr_schema')).rows).toEqual([{ version: PG_SCHEMA_VERSION }]);
  });

  it('keeps the change log append-only: no update, delete or truncate reaches a row', async () => {
    await migratePg(pg.pool);
    const { rows } = await pg.pool.query(
      `INSERT INTO change_log (at, user_name, action, entity, entity_id) VALUES ('2026-12-05T10:00:00.000Z', 'ivanova', 'create', 'event', 1) RETURNING id`,
    );
    for (const sql of ['UPDATE change_log SET user_name = $1', 'DELETE FROM change_log WHERE user_name = $1', 'TRUNCATE change_log']) {
      const params = sql.includes('$1') ? ['petrov'] : [];
      await expect(pg.pool.query(sql, params), sql).rejects.toThrow('Журнал изменений не исправляется и не удаляется.');
    }
    expect((await pg.pool.query('SELECT user_name FROM change_log WHERE id = $1', [rows[0].id])).rows).toEqual([{ user_name: 'ivanova' }]);
  });

  it('finds events by period overlap through the range index and by folded word prefixes', async () => {
    await migratePg(pg.pool);
    const insert = async (title: string, start: string, end: string, body: string) => {
      const { rows } = await pg.pool.query(
        `INSERT INTO events (title, start_date, end_date, date_precision, status, created_at, updated_at)
         VALUES ($1, $2, $3, 'day', 'held', 'now', 'now') RETURNING id`,
        [title, start, end],
      );
      await pg.pool.query('INSERT INTO event_texts (event_id, search_body) VALUES ($1, $2)', [rows[0].id, searchText(title, body)]);
      return rows[0].id as number;
    };
    const forum = await insert('Молодёжный форум «Ёлка»', '2021-09-08', '2021-09-10', 'Участники из Гомеля');
    const year = await insert('Программа обменов', '2021-01-01', '2021-12-31', '');
    await insert('Выставка', '2022-03-01', '2022-03-01', '');
    const overlap = await pg.pool.query(
      `SELECT id FROM events WHERE deleted_at IS NULL AND daterange(start_date::date, end_date::date, '[]') && daterange($1::date, $2::date, '[]') ORDER BY id`,
      ['2021-09-10', '2021-09-30'],
    );
    expect(overlap.rows.map((r) => r.id)).toEqual([forum, year]);
    const words = (query: string) => searchText(query).split(' ').filter(Boolean).map((w) => `${w}:*`).join(' & ');
    const found = async (query: string) =>
      (await pg.pool.query(`SELECT event_id FROM event_texts WHERE to_tsvector('simple', search_body) @@ to_tsquery('simple', $1)`, [words(query)])).rows.map((r) => r.event_id);
    expect(await found('молодеж елк')).toEqual([forum]);
    expect(await found('ГОМЕЛ')).toEqual([forum]);
    expect(await found('обмен прогр')).toEqual([year]);
    expect(await found('форум выставка')).toEqual([]);
    expect((await pg.pool.query('SELECT start_date, end_date FROM events WHERE id = $1', [forum])).rows).toEqual([{ start_date: '2021-09-08', end_date: '2021-09-10' }]);
  });
});
