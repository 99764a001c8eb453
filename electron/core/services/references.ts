// Reference lists: names matched case- and «ё»-insensitively, unknown names added to their list.
import type { Core } from '../core';
import { nameKey } from '../../../shared/ru/normalize';
import { officialCountry } from '../../../shared/ru/place';
import { AppError } from '../../../shared/errors';
import { forbiddenMessage, REF_RENAME_ROLE, roleAllows } from '../../../shared/roles';
import type { Ref, RefKind, RefUpdate } from '../../../shared/schema/reference';
import type { RefRow } from '../store/types';
import { logTouched } from './records';

type PartnerKind = Extract<RefKind, 'country' | 'region' | 'organisation'>;

/** The republics within Russia, by the word of their names no other partner shares: regions, not countries. */
const RUSSIAN_REPUBLIC =
  /(^|\s)(адыгея|алтай|башкортостан|бурятия|дагестан|ингушетия|кабардино-балкарская|калмыкия|карачаево-черкесская|карелия|коми|крым|марий|мордовия|саха|северная осетия|татарстан|тыва|удмуртская|хакасия|чеченская|чувашская|донецкая народная|луганская народная)(\s|$)/;

/** The country of the republics within Russia, as the reference lists name it. */
const RUSSIA = 'Российская Федерация';

/** The word a state's official name is built on: «Государство Израиль», «Королевство Испания», «Федеративная Республика Германия». */
const COUNTRY_WORD = /(^|\s)(государство|республика|федерация|королевство|княжество|султанат|эмират|эмираты|конфедерация|содружество)(\s|$)/;

/** Common nouns in «-ия» a one-word organisation may be called by; any other one word in «-ия» is a country («Япония», «Монголия»). */
const COMMON_IA_NOUNS = /^(академия|ассоциация|комиссия|корпорация|компания|гимназия|консерватория|лаборатория|филармония|епархия|дирекция|редакция|инспекция|миссия|делегация|организация|федерация|полиция|милиция|типография)$/;

/** A one-word name the way Russian names states: a proper noun in «-ия» (Япония, Монголия, Германия) or in «-стан». */
function isCountryName(key: string): boolean {
  if (/\s/.test(key)) return false;
  return (/^[а-яё]{3,}(ия|стан)$/.test(key) && !COMMON_IA_NOUNS.test(key)) || officialCountry(key) !== key;
}

/** A partner name nobody has listed yet: its level guessed from how Russian names such things, and a republic within Russia its country. */
export function guessPartner(name: string): { kind: PartnerKind; country: string | null } {
  const key = nameKey(name);
  if (RUSSIAN_REPUBLIC.test(key)) return { kind: 'region', country: RUSSIA };
  if (COUNTRY_WORD.test(key) || isCountryName(key)) return { kind: 'country', country: null };
  if (/(область|край|район|округ|автономная)$/.test(key) || /^(город|г\.)\s/.test(key)) return { kind: 'region', country: null };
  return { kind: 'organisation', country: null };
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
  // Keyed by the name as given: a batch repeats names verbatim, and nameKey() is the costly part.
  const known = new Map<RefKind | 'partner', Map<string, number>>();
  const knownId = (list: RefKind | 'partner', name: string): number | undefined => known.get(list)?.get(name);
  const remember = async (list: RefKind | 'partner', name: string, find: () => Promise<number>): Promise<number> => {
    let id = knownId(list, name);
    if (id === undefined) {
      id = await find();
      let names = known.get(list);
      if (!names) known.set(list, (names = new Map()));
      names.set(name, id);
    }
    return id;
  };

  async function ref(kind: RefKind, name: string, parentId: number | null = null): Promise<number> {
    return remember(kind, name, async () => {
      const key = nameKey(name);
      return (await core.refs.byKey(kind, key))?.id ?? (await core.refs.insert({ kind, name: name.trim(), key, parentId, batchId })).id;
    });
  }

  async function partner(name: string): Promise<number> {
    return remember('partner', name, async () => {
      const known = await core.refs.partnerByKey(nameKey(name));
      if (known) return known.id;
      const { kind, country } = guessPartner(name);
      return ref(kind, name, country ? await ref('country', country) : null);
    });
  }

  const places = new Map<string, PlaceIds>();
  const placeKey = ({ city, region, country }: Place) => `${city ?? ''}\u0000${region ?? ''}\u0000${country ?? ''}`;

  /** A known city fills in the region and country it belongs to. */
  async function place(given: Place): Promise<PlaceIds> {
    const remembered = places.get(placeKey(given));
    if (remembered) return remembered;
    const { city, region, country } = given;
    let countryId = country ? await ref('country', country) : null;
    let regionId = region ? await ref('region', region, countryId) : null;
    const cityId = city ? await ref('city', city, regionId ?? countryId) : null;
    // The region's own chain first: a city listed under another region must not change the country.
    for (const ancestor of [...await ancestors(regionId), ...await ancestors(cityId)]) {
      if (ancestor.kind === 'region') regionId ??= ancestor.id;
      if (ancestor.kind === 'country') countryId ??= ancestor.id;
    }
    const ids = { cityId, regionId, countryId };
    places.set(placeKey(given), ids);
    return ids;
  }

  const lineage = new Map<number, RefRow[]>();
  async function ancestors(id: number | null): Promise<RefRow[]> {
    if (id === null) return [];
    let chain = lineage.get(id);
    if (!chain) {
      chain = [];
      for (let at = (await core.refs.byId(id))?.parent_id; at; at = (await core.refs.byId(at))?.parent_id) {
        const row = await core.refs.byId(at);
        if (!row) break;
        chain.push(row);
      }
      lineage.set(id, chain);
    }
    return chain;
  }

  /** What this resolver has already found, answered at once (undefined where it would have to look): a batch's repeated names. */
  const knownAlready = {
    ref: (kind: RefKind, name: string) => knownId(kind, name),
    partner: (name: string) => knownId('partner', name),
    place: (given: Place) => places.get(placeKey(given)),
  };

  return { ref, partner, place, known: knownAlready };
}

export type RefResolver = ReturnType<typeof createRefResolver>;

export async function listRefs(core: Core, kind: RefKind, includeHidden = false, withUsage = true): Promise<Ref[]> {
  const collator = new Intl.Collator('ru');
  return (await core.refs.list(kind, includeHidden, withUsage)).sort((a, b) => collator.compare(a.name, b.name));
}

const REF_WORD: Record<RefKind, string> = {
  kind: 'вид мероприятия',
  sphere: 'сфера',
  department: 'подразделение',
  city: 'город',
  country: 'страна',
  region: 'регион',
  organisation: 'организация',
};

export async function getRef(core: Core, id: number): Promise<Ref> {
  const ref = await core.refs.get(id);
  if (!ref) throw new AppError('not_found', `Запись справочника № ${id} не найдена.`);
  return ref;
}

/** A rename (`renaming` set) onto an existing name gets the hint to merge instead. */
async function refuseDuplicate(core: Core, kind: RefKind, name: string, renaming: number | null): Promise<void> {
  const other = await core.refs.byKey(kind, nameKey(name));
  if (other && other.id !== renaming) {
    const hint = renaming === null ? '.' : ': чтобы свести две записи в одну, объедините их.';
    throw new AppError('conflict', `В справочнике уже есть «${other.name}» (${REF_WORD[kind]})${hint}`);
  }
}

export async function createRef(core: Core, input: { kind: RefKind; name: string; parentId: number | null }): Promise<Ref> {
  return core.transaction(async (core) => {
    await refuseDuplicate(core, input.kind, input.name, null);
    if (input.parentId !== null) await getRef(core, input.parentId);
    const { id } = await core.refs.insert({ kind: input.kind, name: input.name, key: nameKey(input.name), parentId: input.parentId, batchId: null });
    const after = await getRef(core, id);
    await core.log.record({ at: core.now(), user: core.user, action: 'create', entity: 'ref', entityId: id, after });
    return after;
  });
}

export async function updateRef(core: Core, change: RefUpdate): Promise<Ref> {
  return core.transaction(async (core) => {
    const before = await getRef(core, change.id);
    const { id: _id, ...fields } = change;
    const next = { ...before, ...Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) } as Ref;
    // A clerk stores forms and settlement types; renaming or hiding an entry is a coordinator's.
    if ((next.name !== before.name || next.hidden !== before.hidden) && core.role && !roleAllows(core.role, REF_RENAME_ROLE)) {
      throw new AppError('forbidden', forbiddenMessage(core.role, REF_RENAME_ROLE));
    }
    if (next.name !== before.name) await refuseDuplicate(core, before.kind, next.name, before.id);
    if (next.hidden && !before.hidden && (before.usage ?? 0) > 0) {
      throw new AppError('conflict', `«${before.name}» используется (записей: ${before.usage}): скрыть можно только неиспользуемую запись.`);
    }
    await core.refs.update(before.id, next);
    const after = await getRef(core, before.id);
    await core.log.record({ at: core.now(), user: core.user, action: 'update', entity: 'ref', entityId: before.id, before, after });
    return after;
  });
}

/** Moves every event, agreement and child entry of `victimId` to `survivorId`, then removes the victim. */
export async function mergeRefs(core: Core, survivorId: number, victimId: number): Promise<Ref> {
  return core.transaction(async (core) => {
    const survivor = await getRef(core, survivorId);
    const victim = await getRef(core, victimId);
    if (survivor.id === victim.id) throw new AppError('validation', 'Запись нельзя объединить с ней самой.');
    if (survivor.kind !== victim.kind) {
      throw new AppError('validation', `Объединять можно только записи одного справочника: «${survivor.name}» — ${REF_WORD[survivor.kind]}, «${victim.name}» — ${REF_WORD[victim.kind]}.`);
    }
    // Each event and agreement the merge changes gets its own row, so its history shows it.
    const users = await core.log.usersOfRef(victim.id);
    const events = await core.events.getMany(users.events);
    const agreements = (await Promise.all(users.agreements.map((id) => core.agreements.get(id)))).filter((a) => a !== undefined);
    await core.refs.merge(survivor.id, victim.id);
    const after = await getRef(core, survivor.id);
    const at = core.now();
    await core.log.record({ at, user: core.user, action: 'merge', entity: 'ref', entityId: survivor.id, before: { survivor, victim }, after });
    await logTouched(core, { entity: 'event', action: 'merge', at }, events, (id) => core.events.get(id));
    await logTouched(core, { entity: 'agreement', action: 'merge', at }, agreements, (id) => core.agreements.get(id));
    return after;
  });
}
