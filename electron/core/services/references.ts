// Reference lists: names matched case- and «ё»-insensitively, unknown names added to their list.
import type { Core } from '../core';
import { nameKey } from '../../../shared/ru/normalize';
import type { Ref, RefKind } from '../../../shared/schema/reference';

type PartnerKind = Extract<RefKind, 'country' | 'region' | 'organisation'>;

/** A partner name nobody has listed yet: its level guessed from how Russian names such things. */
export function guessPartnerKind(name: string): PartnerKind {
  const key = nameKey(name);
  if (/(^|\s)(республика|федерация|королевство)(\s|$)/.test(key)) return 'country';
  if (/(область|край|район|округ|автономная)$/.test(key) || /^(город|г\.)\s/.test(key)) return 'region';
  return 'organisation';
}

/** The id of the named entry of a list, adding the entry when the list lacks it. */
export function ensureRef(core: Core, kind: RefKind, name: string, parentId: number | null = null, batchId: number | null = null): number {
  const key = nameKey(name);
  const found = core.refs.byKey(kind, key);
  if (found) return found.id;
  return core.refs.insert({ kind, name: name.trim(), key, parentId, batchId }).id;
}

export function ensurePartner(core: Core, name: string, batchId: number | null = null): number {
  const found = core.refs.partnerByKey(nameKey(name));
  return found ? found.id : ensureRef(core, guessPartnerKind(name), name, null, batchId);
}

export interface Place {
  city: string | null;
  region: string | null;
  country: string | null;
}

export interface PlaceIds {
  cityId: number | null;
  regionId: number | null;
  countryId: number | null;
}

/** Resolves a place; a known city fills in the region and country it belongs to. */
export function ensurePlace(core: Core, place: Place, batchId: number | null = null): PlaceIds {
  let countryId = place.country ? ensureRef(core, 'country', place.country, null, batchId) : null;
  let regionId = place.region ? ensureRef(core, 'region', place.region, countryId, batchId) : null;
  const cityId = place.city ? ensureRef(core, 'city', place.city, regionId ?? countryId, batchId) : null;
  let ancestor = cityId ? core.refs.byId(cityId)?.parent_id : regionId ? core.refs.byId(regionId)?.parent_id : null;
  while (ancestor) {
    const ref = core.refs.byId(ancestor);
    if (!ref) break;
    if (ref.kind === 'region' && regionId === null) regionId = ref.id;
    if (ref.kind === 'country' && countryId === null) countryId = ref.id;
    ancestor = ref.parent_id;
  }
  return { cityId, regionId, countryId };
}

export function listRefs(core: Core, kind: RefKind, includeHidden = false): Ref[] {
  const collator = new Intl.Collator('ru');
  return core.refs.list(kind, includeHidden).sort((a, b) => collator.compare(a.name, b.name));
}
