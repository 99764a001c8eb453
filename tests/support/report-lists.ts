// Reference entries the report tests add beyond the seed: regions, settlements of each type, kinds.
import type { Core } from '../../electron/core/core';
import { createRef, listRefs, updateRef } from '../../electron/core/services/references';
import type { Gender, RefKind, Settlement } from '../../shared/schema/reference';

/** Paragraphs compared with their non-breaking spaces as plain ones. */
export const plain = (text: string) => text.replace(/\s+/g, ' ');

export function refId(core: Core, kind: RefKind, name: string): number {
  const ref = listRefs(core, kind, true, false).find((r) => r.name === name);
  if (!ref) throw new Error(`no ${kind} ${name}`);
  return ref.id;
}

/** A Russian region. */
export function addRegion(core: Core, name: string): void {
  createRef(core, { kind: 'region', name, parentId: refId(core, 'country', 'Российская Федерация') });
}

/** A city under a region or a country, of its settlement type (none: the report has to ask). */
export function addPlace(core: Core, name: string, parent: string, parentKind: 'region' | 'country', settlement: Settlement | null): void {
  const ref = createRef(core, { kind: 'city', name, parentId: refId(core, parentKind, parent) });
  if (settlement) updateRef(core, { id: ref.id, settlement });
}

/** A kind of event, with its gender or without one. */
export function addKind(core: Core, name: string, gender: Gender | null): void {
  const ref = createRef(core, { kind: 'kind', name, parentId: null });
  if (gender) updateRef(core, { id: ref.id, gender });
}
