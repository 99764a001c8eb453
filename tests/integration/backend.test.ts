import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers, INTERNAL_ERROR } from '../../electron/core/backend';
import { api, isMethodName } from '../../shared/api';
import { tempCore } from '../helpers';

describe('the contract dispatcher', () => {
  it('serves every method of the contract but the department server\'s own', async () => {
    expect(Object.keys(createHandlers(tempCore())).sort()).toEqual(Object.keys(api).filter(isMethodName).sort());
  });

  it('parses input with the contract schema and returns results as data', async () => {
    const dispatch = createDispatch(createHandlers(tempCore()));
    const created = await dispatch('events.create', { title: 'Форум', startDate: '2021-09-01', datePrecision: 'month' });
    expect(created).toMatchObject({ ok: true, value: { endDate: '2021-09-30' } });
    expect(await dispatch('events.list', { period: '2021-09' })).toMatchObject({ ok: true, value: { total: 1 } });
  });

  it('refuses bad input with a Russian message and writes nothing', async () => {
    const core = tempCore();
    const dispatch = createDispatch(createHandlers(core));
    expect(await dispatch('events.create', { title: '', startDate: '2021-09-01' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Поле «Название»: значение не может быть пустым' },
    });
    expect(await dispatch('events.create', null)).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await dispatch('events.update', { id: 1, version: 1, input: { title: 'X', startDate: '2021-13-01' } })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^Поле «Дата начала»: ожидается дата/) },
    });
    expect(await dispatch('no.such.method', {})).toMatchObject({ ok: false, error: { code: 'bad_request', message: 'Неизвестная операция «no.such.method».' } });
    expect(await dispatch('toString', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(core.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  });

  it('hides internal failures behind a plain message and logs them', async () => {
    const core = tempCore();
    const logged: unknown[] = [];
    const dispatch = createDispatch(createHandlers(core), (e) => logged.push(e));
    core.db.close();
    const result = await dispatch('events.list', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_ERROR } });
    expect(logged).toHaveLength(1);
  });
});
