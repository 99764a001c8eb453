// The PostgreSQL adapter's own promises: concurrent transactions lose nothing (one of two saves from one
// version is refused, the other kept whole), a transaction given up for a concurrent one's sake is run
// again, savepoints and rollbacks, and the change log that the application cannot change.
import { expect, it } from 'vitest';
import { saveEvent, createEvent, getEvent } from '../../electron/core/services/events';
import { recordHistory } from '../../electron/core/services/history';
import { MAX_ATTEMPTS } from '../../electron/core/store/pg/store';
import type { PgCore } from '../../electron/core/store/pg/core';
import { AppError } from '../../shared/errors';
import { EventFilterSchema, eventInputOf } from '../../shared/schema/event';
import { filterRefs, pgListSql, tsQuery } from '../../electron/core/store/pg/event-filter';
import { Params } from '../../electron/core/store/pg/sql';
import { eventInput } from '../helpers';
import { describeBackends, describePostgres } from '../support/backends';

describeBackends('the storage interface', (backend) => {
  it('rolls a transaction back whole when it throws, and a savepoint alone when an inner one throws', async () => {
    const core = await backend.core();
    const event = await createEvent(core, eventInput({ title: 'Форум' }));
    await expect(core.transaction(async (tx) => {
      await tx.settings.set('probe', 1);
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await core.settings.get('probe')).toBeUndefined();

    await core.transaction(async (tx) => {
      await tx.settings.set('outer', 'kept');
      await expect(tx.transaction(async (inner) => {
        await inner.settings.set('inner', 'gone');
        await inner.events.setDeleted(event.id, '2024-01-01T00:00:00.000Z', '2024-01-01T00:00:00.000Z');
        throw new Error('inner refused');
      })).rejects.toThrow('inner refused');
      expect(await tx.settings.get('inner')).toBeUndefined();
      await tx.transaction(async (inner) => inner.settings.set('second', 'kept'));
    });
    expect(await core.settings.get('outer')).toBe('kept');
    expect(await core.settings.get('second')).toBe('kept');
    expect(await core.settings.get('inner')).toBeUndefined();
    expect((await getEvent(core, event.id)).deletedAt).toBeNull();
  });

  it("names the partners of events in the order SQLite reads them: by event, then by partner entry", async () => {
    const core = await backend.core();
    const first = await createEvent(core, eventInput({ partners: ['Хабаровский край', 'Витебская область'] }));
    const second = await createEvent(core, eventInput({ partners: ['Брянская область', 'Хабаровский край'] }));
    expect(await core.events.partnerNames([second.id, first.id])).toEqual(['Витебская область', 'Хабаровский край', 'Брянская область']);
  });
});

// Two connections to one SQLite file in one process cannot interleave their transactions (each waits
// synchronously for the other's lock): tests/integration/concurrent-writers.test.ts runs SQLite's
// concurrent writers as processes.
describePostgres('the department register', (backend) => {

  it('keeps one of two saves of an event from one version, refuses the other as a conflict, and loses neither', async () => {
    const ivanova = await backend.core();
    const petrov = await backend.peer(ivanova, 'petrov');
    const event = await createEvent(ivanova, eventInput({ title: 'Форум', city: 'Витебск' }));
    const saves = await Promise.allSettled([
      saveEvent(ivanova, { id: event.id, version: 1, input: { ...eventInputOf(event), title: 'Форум Ивановой' } }),
      saveEvent(petrov, { id: event.id, version: 1, input: { ...eventInputOf(event), city: 'Орша' } }),
    ]);
    const kept = saves.filter((s) => s.status === 'fulfilled');
    const refused = saves.flatMap((s) => (s.status === 'rejected' ? [s.reason as unknown] : []));
    expect(kept).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(AppError);
    expect((refused[0] as AppError).code).toBe('conflict');
    const now = await getEvent(ivanova, event.id);
    expect(now.version).toBe(2);
    // The kept save is whole: exactly one of the two edits, and one logged update.
    expect([now.title === 'Форум Ивановой' && now.city === 'Витебск', now.title === 'Форум' && now.city === 'Орша']).toContain(true);
    expect((await recordHistory(ivanova, 'event', event.id)).map((e) => e.action)).toEqual(['update', 'create']);
  });

  it('runs a transaction again when PostgreSQL gives it up for a concurrent one that changed what it read', async () => {
    const ivanova = await backend.core();
    const petrov = await backend.peer(ivanova, 'petrov');
    const event = await createEvent(ivanova, eventInput());
    let attempts = 0;
    const seen = await ivanova.transaction(async (tx) => {
      attempts++;
      const read = await tx.events.get(event.id);
      if (attempts === 1) {
        // Another clerk's change of the event commits after this transaction has read it (written past
        // the register's own writer lock, as another program would: Reestr's writers wait in turn).
        await petrov.log.record({ at: petrov.now(), user: petrov.user, action: 'update', entity: 'event', entityId: event.id });
      }
      await tx.log.record({ at: tx.now(), user: tx.user, action: 'update', entity: 'event', entityId: event.id });
      return read?.version;
    });
    expect(attempts).toBe(2);
    // The second run read the other clerk's change; both changes count.
    expect(seen).toBe(2);
    expect((await getEvent(ivanova, event.id)).version).toBe(3);
    expect((await recordHistory(ivanova, 'event', event.id)).map((e) => e.user)).toEqual([ivanova.user, 'petrov', ivanova.user]);
  });

  it('adds a new reference entry once when two clerks name it at once, neither seeing an error', async () => {
    const ivanova = await backend.core();
    const petrov = await backend.peer(ivanova, 'petrov');
    const [a, b] = await Promise.all([
      createEvent(ivanova, eventInput({ title: 'Ярмарка', city: 'Новоград', spheres: ['Ремёсла'] })),
      createEvent(petrov, eventInput({ title: 'Выставка', city: 'НОВОГРАД', spheres: ['ремесла'] })),
    ]);
    // One entry, named as whoever came first wrote it.
    expect(['Новоград', 'НОВОГРАД']).toContain(a.city);
    expect(b.city).toBe(a.city);
    expect(a.spheres).toEqual(b.spheres);
    expect(await backend.pluck(ivanova, `SELECT count(*) FROM refs WHERE name_key IN ('новоград', 'ремесла')`)).toEqual([2]);
  });

  it('gives up after a few attempts, and never runs again what failed for another reason', async () => {
    const core = await backend.core();
    let attempts = 0;
    const lost = Object.assign(new Error('could not serialize access'), { code: '40001' });
    await expect(core.transaction(() => {
      attempts++;
      return Promise.reject(lost);
    })).rejects.toBe(lost);
    expect(attempts).toBe(MAX_ATTEMPTS);

    attempts = 0;
    await expect(core.transaction(() => {
      attempts++;
      return Promise.reject(new AppError('validation', 'нет'));
    })).rejects.toThrow('нет');
    expect(attempts).toBe(1);
  });

  it('outlives an idle connection the server dropped, and answers on a new one', async () => {
    const core = (await backend.core()) as PgCore;
    const [pid] = await backend.pluck<number>(core, 'SELECT pg_backend_pid()');
    const other = (await backend.peer(core, 'admin')) as PgCore;
    expect(await backend.pluck(other, 'SELECT pg_terminate_backend(?)', [pid])).toEqual([true]);
    // The pool hears of the drop (an 'error' event, which would end the process unheard) and lets the connection go.
    for (let i = 0; i < 200 && core.pool.totalCount > 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(core.pool.totalCount).toBe(0);
    expect(await core.stats.registerTotal()).toBe(0);
  });

  it('can answer a period from the range index, and words from the word index', async () => {
    const core = (await backend.core()) as PgCore;
    const client = await core.pool.connect();
    const plan = async (raw: Record<string, unknown>, calendar = false) => {
      const params = new Params();
      const filter = EventFilterSchema.parse(raw);
      const list = pgListSql(filter, await filterRefs(client, filter), params, calendar);
      const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${list.with}SELECT e.id FROM ${list.from} WHERE ${list.where}`, params.values);
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    };
    try {
      // Whether the planner may use them at all: the queries' expressions must be the indexes' own.
      // (On an empty table every plan costs the same: the date index, which could also answer, is
      // taken out of the way for the while.)
      await client.query('BEGIN');
      await client.query('SET LOCAL enable_seqscan = off');
      await client.query('DROP INDEX events_start');
      expect(await plan({ period: '2021-Q3' })).toMatch(/Index Scan (using|on) events_span/);
      // The calendar's own index, which holds its columns (PostgreSQL 12 and later), and only its.
      const { rows: [server] } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
      if (Number(server?.server_version_num) >= 120000) expect(await plan({ period: '2021-Q3' }, true)).toMatch(/Scan (using|on) events_calendar/);
      expect(await plan({ period: '2021-Q3' })).not.toMatch(/events_calendar/);
      const words = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT event_id FROM event_words WHERE words @@ $1::tsquery`, [tsQuery('форум молод')]);
      expect(words.rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Bitmap Index Scan on event_words_words/);
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });

  it('refuses to change, delete or empty the change log, whoever asks', async () => {
    const core = (await backend.core()) as PgCore;
    await createEvent(core, eventInput());
    for (const sql of ['UPDATE change_log SET user_name = $1', 'DELETE FROM change_log WHERE user_name <> $1', 'TRUNCATE change_log']) {
      const params = sql.includes('$1') ? ['кто-то'] : [];
      await expect(core.pool.query(sql, params)).rejects.toMatchObject({ code: '42501', message: 'Журнал изменений не исправляется и не удаляется.' });
    }
    expect(await backend.all(core, 'SELECT user_name, action FROM change_log')).toEqual([{ user_name: core.user, action: 'create' }]);
  });

  it('finds words as prefixes of the folded text, whatever punctuation stood between them', async () => {
    const core = await backend.core();
    await createEvent(core, eventInput({ title: 'Санкт-Петербургский форум «Ёлка»', description: "O'Brien's e-mail: ivan@example.org, 2021/22" }));
    const found = async (query: string) => (await core.events.list({ query, deleted: false, sort: 'startDate', order: 'asc', limit: 10, offset: 0 })).total;
    expect(await found('петерб')).toBe(1);
    expect(await found('ЕЛК санкт')).toBe(1);
    expect(await found("brien")).toBe(1);
    expect(await found('example ivan')).toBe(1);
    expect(await found('22')).toBe(1);
    expect(await found("o'b")).toBe(1);
    expect(await found('петербург москва')).toBe(0);
    expect(await found("' & ! :* | \\")).toBe(1);
  });
});
