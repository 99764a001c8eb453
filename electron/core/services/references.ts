// Reference lists: names matched case- and «ё»-insensitively, unknown names added to their list.
import type { Core } from '../core';
import { nameKey } from '../../../shared/ru/normalize';
import type { Ref, RefKind } from '../../../shared/schema/reference';
import type { RefRow } from '../db/refs';

type PartnerKind = Extract<RefKind, 'country' | 'region' | 'organisation'>;

/** A partner name nobody has listed yet: its level guessed from how Russian names such things. */
export function guessPartnerKind(name: string): PartnerKind {
  const key = nameKey(name);
  if (/(^|\s)(республика|федерация|королевство)(\s|$)/.test(key)) return 'country';
  if (/(область|край|район|округ|автономная)$/.test(key) || /^(город|г\.)\s/.test(key)) return 'region';
  return 'organisation';
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

/**
 * Resolves reference names to ids, adding unknown names to their lists. One resolver serves one
 * transaction: it remembers what it has looked up, as a batch repeats the same few names.
 */
export function createRefResolver(core: Core, batchId: number | null = null) {
  const known = new Map<string, number>();
  const remember = (cacheKey: string, find: () => number): number => {
    let id = known.get(cacheKey);
    if (id === undefined) known.set(cacheKey, (id = find()));
    return id;
  };

  // Keyed by the name as given: a batch repeats names verbatim, and nameKey() is the costly part.
  function ref(kind: RefKind, name: string, parentId: number | null = null): number {
    return remember(`${kind}:${name}`, () => {
      const key = nameKey(name);
      return core.refs.byKey(kind, key)?.id ?? core.refs.insert({ kind, name: name.trim(), key, parentId, batchId }).id;
    });
  }

  function partner(name: string): number {
    return remember(`partner:${name}`, () => core.refs.partnerByKey(nameKey(name))?.id ?? ref(guessPartnerKind(name), name));
  }

  /** A known city fills in the region and country it belongs to. */
  function place({ city, region, country }: Place): PlaceIds {
    let countryId = country ? ref('country', country) : null;
    let regionId = region ? ref('region', region, countryId) : null;
    const cityId = city ? ref('city', city, regionId ?? countryId) : null;
    // The region's own chain first: a city listed under another region must not change the country.
    for (const ancestor of [...ancestors(regionId), ...ancestors(cityId)]) {
      if (ancestor.kind === 'region') regionId ??= ancestor.id;
      if (ancestor.kind === 'country') countryId ??= ancestor.id;
    }
    return { cityId, regionId, countryId };
  }

  const lineage = new Map<number, RefRow[]>();
  function ancestors(id: number | null): RefRow[] {
    if (id === null) return [];
    let chain = lineage.get(id);
    if (!chain) {
      chain = [];
      for (let at = core.refs.byId(id)?.parent_id; at; at = core.refs.byId(at)?.parent_id) {
        const row = core.refs.byId(at);
        if (!row) break;
        chain.push(row);
      }
      lineage.set(id, chain);
    }
    return chain;
  }

  return { ref, partner, place };
}

export type RefResolver = ReturnType<typeof createRefResolver>;

export function listRefs(core: Core, kind: RefKind, includeHidden = false): Ref[] {
  const collator = new Intl.Collator('ru');
  return core.refs.list(kind, includeHidden).sort((a, b) => collator.compare(a.name, b.name));
}
