// The department's settings: the home region the report speaks from, a new region added to the lists,
// refusals in Russian, and `reestr settings` setting and showing them.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { buildReport } from '../../electron/core/services/reports';
import { createEvent } from '../../electron/core/services/events';
import { departmentSettings, setDepartmentSettings } from '../../electron/core/services/department';
import { listRefs } from '../../electron/core/services/references';
import { DepartmentInputSchema, type DepartmentInputRaw } from '../../shared/schema/department';
import { ReportInputSchema } from '../../shared/schema/report';
import type { LocalCore } from '../../electron/core/core';
import { eventInput, tempCore, tempDir } from '../helpers';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');

function reestr(args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const set = (core: LocalCore, raw: DepartmentInputRaw) => setDepartmentSettings(core, DepartmentInputSchema.parse(raw));

/** One held event in each of two cities, the report's paragraphs by city. */
async function twoCities(core: LocalCore) {
  await createEvent(core, eventInput({ title: 'Славянское единство', kind: 'фестиваль', startDate: '2022-03-10', city: 'Смоленск', region: 'Смоленская область' }));
  await createEvent(core, eventInput({ title: 'Голос границы', kind: 'фестиваль', startDate: '2022-03-20', city: 'Брянск', region: 'Брянская область' }));
  return async () => {
    const report = await buildReport(core, ReportInputSchema.parse({ period: '2022-Q1' }));
    const texts = report.paragraphs.map((p) => p.text.replace(/\s+/g, ' '));
    return { title: report.title, smolensk: texts.find((t) => t.includes('Смоленске')), bryansk: texts.find((t) => t.includes('Брянске')), texts };
  };
}

describe('department settings', () => {
  it('default to the seeded home: Смоленская область, Российская Федерация, nothing else given', async () => {
    expect(await departmentSettings(tempCore())).toEqual({
      homeRegion: 'Смоленская область', homeRegionGenitive: 'Смоленской области', homeCountry: 'Российская Федерация',
      departmentName: null, responsibleName: null, responsiblePhone: null,
    });
  });

  it('move the report\'s home: the new home\'s cities lose the qualifier, the old home\'s gain it', async () => {
    const core = tempCore();
    const report = await twoCities(core);
    const before = await report();
    expect(before.title).toBe('Информация о международном и межрегиональном сотрудничестве Смоленской области за I квартал 2022 года');
    expect(before.smolensk).toBe('10 марта 2022 года в г. Смоленске прошел фестиваль «Славянское единство».');
    // A city of another Russian region is named with its region only (issue 19: no «Российская Федерация» after a Russian city).
    expect(before.bryansk).toBe('20 марта 2022 года в г. Брянске (Брянская область) прошел фестиваль «Голос границы».');

    await set(core, { homeRegion: 'Брянская область', departmentName: 'Департамент Брянской области по внешним связям' });
    const after = await report();
    expect(after.title).toBe('Информация о международном и межрегиональном сотрудничестве Брянской области за I квартал 2022 года');
    expect(after.bryansk).toBe('20 марта 2022 года в г. Брянске прошел фестиваль «Голос границы».');
    expect(after.smolensk).toBe('10 марта 2022 года в г. Смоленске (Смоленская область) прошел фестиваль «Славянское единство».');
    expect(after.texts.some((t) => t.includes('органами исполнительной власти Брянской области'))).toBe(true);
    expect(await departmentSettings(core)).toMatchObject({ homeRegion: 'Брянская область', homeCountry: 'Российская Федерация', departmentName: 'Департамент Брянской области по внешним связям' });
  });

  it('add a home region missing from the lists as a region of its country, once', async () => {
    const core = tempCore();
    const regions = async () => (await listRefs(core, 'region')).filter((r) => r.name === 'Новгородская область');
    expect(await regions()).toEqual([]);
    await set(core, { homeRegion: 'Новгородская область', homeCountry: 'Российская Федерация' });
    await set(core, { homeRegion: ' новгородская  область ', responsibleName: 'Иванова Анна Петровна', responsiblePhone: '+7 (8162) 50-10-20' });
    expect((await regions()).map((r) => r.parentName)).toEqual(['Российская Федерация']);
    expect(await departmentSettings(core)).toEqual({
      homeRegion: 'Новгородская область', homeRegionGenitive: null, homeCountry: 'Российская Федерация', departmentName: null,
      responsibleName: 'Иванова Анна Петровна', responsiblePhone: '+7 (8162) 50-10-20',
    });
  });

  it('refuse, in Russian and changing nothing, a region of another country, an unknown country, a bad phone', async () => {
    const core = tempCore();
    const dispatch = createDispatch(createHandlers(core), () => undefined);
    const refused = async (input: unknown) => {
      const result = await dispatch('settings.setDepartment', input);
      return result.ok ? 'принято' : result.error.message;
    };
    expect(await refused({ homeRegion: 'Витебская область', homeCountry: 'Российская Федерация' }))
      .toBe('Регион «Витебская область» в справочнике относится к стране «Республика Беларусь», а указана страна «Российская Федерация». Укажите страну «Республика Беларусь» или перенесите регион в справочнике регионов.');
    expect(await refused({ homeRegion: 'Новая область', homeCountry: 'Атлантида' }))
      .toBe('Страны «Атлантида» нет в справочнике стран. Выберите страну из списка или сначала добавьте её в справочник.');
    expect(await refused({ homeRegion: 'Республика Беларусь' })).toMatch(/^«Республика Беларусь» есть в справочнике, но не как регион/);
    expect(await refused({ homeRegion: 'Смоленская область', responsiblePhone: 'звонить секретарю' })).toMatch(/^Поле «Телефон»: укажите номер цифрами/);
    expect(await refused({ homeRegion: '  ' })).toBe('Поле «Домашний регион»: значение не может быть пустым');
    expect((await listRefs(core, 'region')).some((r) => r.name === 'Новая область')).toBe(false);
    const now = await dispatch('settings.department', {});
    expect(now.ok && now.value).toEqual(await departmentSettings(tempCore()));
  });
});

describe('reestr settings', () => {
  it('sets the home region and the footer details, shows them, and clears one with an empty value', () => {
    const db = join(tempDir(), 'r.sqlite');
    const shown = reestr(['settings', 'show', '--db', db]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/Домашний регион:\s+Смоленская область\nСтрана:\s+Российская Федерация\nДепартамент:\s+не указано/);

    const changed = reestr(['settings', 'set', '--db', db, '--home-region', 'Брянская область', '--department', 'Департамент по внешним связям', '--responsible', 'Петров П. П.', '--phone', '8 (4832) 74-00-00']);
    expect(changed.err).toBe('');
    expect(changed.out).toMatch(/^Настройки департамента сохранены\.\n\nДомашний регион:\s+Брянская область\n/);

    expect(reestr(['settings', 'set', '--db', db, '--phone', '']).code).toBe(0);
    const json = reestr(['settings', 'show', '--db', db, '--json']);
    expect(JSON.parse(json.out)).toEqual({
      homeRegion: 'Брянская область', homeRegionGenitive: 'Брянской области', homeCountry: 'Российская Федерация', departmentName: 'Департамент по внешним связям', responsibleName: 'Петров П. П.', responsiblePhone: null,
    });

    const nothing = reestr(['settings', 'set', '--db', db]);
    expect(nothing.code).not.toBe(0);
    expect(nothing.err).toMatch(/Укажите, что изменить: --home-region/);
    const added = reestr(['settings', 'set', '--db', db, '--home-region', 'Новгородская область']);
    expect(added.out).toMatch(/Домашний регион:\s+Новгородская область \(в справочнике регионов нет родительного падежа: отчёт не склонит название\)/);
    expect(reestr(['refs', 'list', 'regions', '--db', db]).out).toMatch(/Новгородская область\s+Российская Федерация/);
    const conflict = reestr(['settings', 'set', '--db', db, '--home-country', 'Республика Беларусь']);
    expect(conflict.code).not.toBe(0);
    expect(conflict.err).toMatch(/Регион «Новгородская область» в справочнике относится к стране «Российская Федерация»/);
  });
});
