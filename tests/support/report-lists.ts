// Reference entries the report tests add beyond the seed: regions, settlements of each type, kinds.
import type { LocalCore } from '../../electron/core/core';
import { createRef, listRefs, updateRef } from '../../electron/core/services/references';
import type { Gender, RefKind, Settlement } from '../../shared/schema/reference';

/** Paragraphs compared with their non-breaking spaces as plain ones. */
export const plain = (text: string) => text.replace(/\s+/g, ' ');

export async function refId(core: LocalCore, kind: RefKind, name: string): Promise<number> {
  const ref = (await listRefs(core, kind, true, false)).find((r) => r.name === name);
  if (!ref) throw new Error(`no ${kind} ${name}`);
  return ref.id;
}

/** A Russian region. */
export async function addRegion(core: LocalCore, name: string): Promise<void> {
  await createRef(core, { kind: 'region', name, parentId: await refId(core, 'country', 'Российская Федерация') });
}

/** A city under a region or a country, of its settlement type (none: the report has to ask). */
export async function addPlace(core: LocalCore, name: string, parent: string, parentKind: 'region' | 'country', settlement: Settlement | null): Promise<void> {
  const ref = await createRef(core, { kind: 'city', name, parentId: await refId(core, parentKind, parent) });
  if (settlement) await updateRef(core, { id: ref.id, settlement });
}

/** A kind of event, with its gender or without one. */
export async function addKind(core: LocalCore, name: string, gender: Gender | null): Promise<void> {
  const ref = await createRef(core, { kind: 'kind', name, parentId: null });
  if (gender) await updateRef(core, { id: ref.id, gender });
}
