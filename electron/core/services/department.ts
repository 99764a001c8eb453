// The department's settings: the home region and country the reports speak from, the name and the responsible person.
import type { Core } from '../core';
import { AppError } from '../../../shared/errors';
import { nameKey } from '../../../shared/ru/normalize';
import type { Ref } from '../../../shared/schema/reference';
import { DEFAULT_HOME_COUNTRY, type DepartmentInput, type DepartmentSettings } from '../../../shared/schema/department';
import { refForms, type RefForms } from './ref-forms';
import type { Home } from '../report/sources';
import { createRef } from './references';

/** The settings keys; «homeRegion» is the one the seed has always written. */
const KEYS = {
  homeRegion: 'homeRegion',
  homeCountry: 'homeCountry',
  departmentName: 'departmentName',
  responsibleName: 'responsibleName',
  responsiblePhone: 'responsiblePhone',
} as const satisfies Record<keyof DepartmentInput, string>;

export async function homeOf(core: Core, forms?: RefForms): Promise<Home> {
  const f = forms ?? (await refForms(core));
  const region = await core.settings.get<string>(KEYS.homeRegion) ?? '';
  const regionRef = f.get('region', region);
  // The region's own country wins: the reference lists are where a clerk moves a region.
  const countryRef = f.countryOf(regionRef) ?? f.get('country', await core.settings.get<string>(KEYS.homeCountry) ?? DEFAULT_HOME_COUNTRY);
  return { region, regionRef, countryRef, country: countryRef?.name ?? await core.settings.get<string>(KEYS.homeCountry) ?? DEFAULT_HOME_COUNTRY };
}

export async function departmentSettings(core: Core): Promise<DepartmentSettings> {
  const home = await homeOf(core);
  return {
    homeRegion: home.region,
    homeRegionGenitive: home.regionRef?.genitive ?? null,
    homeCountry: home.country,
    departmentName: await core.settings.get<string>(KEYS.departmentName) ?? null,
    responsibleName: await core.settings.get<string>(KEYS.responsibleName) ?? null,
    responsiblePhone: await core.settings.get<string>(KEYS.responsiblePhone) ?? null,
  };
}

/** The home region as a region entry: the one listed (under the country given, if one is), else a new one under the country. */
async function homeRegionRef(core: Core, regionName: string, countryName: string | undefined): Promise<{ region: Ref; country: Ref }> {
  const f = await refForms(core);
  const known = f.get('region', regionName);
  if (known) {
    const own = f.countryOf(known);
    if (countryName !== undefined && own && nameKey(own.name) !== nameKey(countryName)) {
      throw new AppError('conflict', `Регион «${known.name}» в справочнике относится к стране «${own.name}», а указана страна «${countryName}». Укажите страну «${own.name}» или перенесите регион в справочнике регионов.`);
    }
    const country = own ?? (countryName === undefined ? undefined : f.get('country', countryName));
    if (!country) {
      throw new AppError('validation', `У региона «${known.name}» в справочнике не указана страна. Укажите её в справочнике регионов или в поле «Страна».`);
    }
    return { region: known, country };
  }
  const wanted = countryName ?? (await homeOf(core, f)).country;
  const country = f.get('country', wanted);
  if (!country) {
    throw new AppError('validation', `Страны «${wanted}» нет в справочнике стран. Выберите страну из списка или сначала добавьте её в справочник.`);
  }
  if (f.get('country', regionName) || f.get('organisation', regionName)) {
    throw new AppError('validation', `«${regionName}» есть в справочнике, но не как регион. Домашним регионом может быть только регион (область, край, республика).`);
  }
  return { region: await createRef(core, { kind: 'region', name: regionName, parentId: country.id }), country };
}

/** Saves the card at once: a new home region is added to the region list in the same transaction. */
export async function setDepartmentSettings(core: Core, input: DepartmentInput): Promise<DepartmentSettings> {
  return core.transaction(async (core) => {
    const { region, country } = await homeRegionRef(core, input.homeRegion, input.homeCountry);
    await core.settings.set(KEYS.homeRegion, region.name);
    await core.settings.set(KEYS.homeCountry, country.name);
    for (const key of ['departmentName', 'responsibleName', 'responsiblePhone'] as const) {
      const value = input[key];
      if (value === null) await core.settings.delete(KEYS[key]);
      else await core.settings.set(KEYS[key], value);
    }
    return departmentSettings(core);
  });
}
