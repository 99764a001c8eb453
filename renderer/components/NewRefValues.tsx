// Before a card saves: names not in their reference lists (folded as the core folds them) are asked
// about, «Добавить «…» в справочник видов?», and a new kind's grammatical gender with them.
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { nameKey } from '../../shared/ru/normalize';
import type { Gender, RefKind } from '../../shared/schema/reference';
import { call } from '../api/client';
import { GENDERS } from './RefDialogs';

/** A reference list as a card's field fills it; `partner` is the country, region and organisation lists at once. */
export type RefList = 'kind' | 'city' | 'region' | 'country' | 'sphere' | 'partner' | 'department';

const KINDS_OF: Record<RefList, readonly RefKind[]> = {
  kind: ['kind'],
  city: ['city'],
  region: ['region'],
  country: ['country'],
  sphere: ['sphere'],
  partner: ['country', 'region', 'organisation'],
  department: ['department'],
};

/** «в справочник …»: the list's name in the genitive plural. */
const LIST_GENITIVE: Record<RefList, string> = {
  kind: 'видов',
  city: 'городов',
  region: 'регионов',
  country: 'стран',
  sphere: 'сфер',
  partner: 'партнёров',
  department: 'подразделений',
};

/** The names a field holds, with the list they belong to; `listName` overrides the list's genitive. */
export interface FieldNames {
  list: RefList;
  names: readonly (string | null | undefined)[];
  listName?: string;
}

export interface NewValue {
  list: RefList;
  name: string;
  listName: string;
}

type Keys = Record<RefList, Set<string>>;

/** Every list's keys, hidden entries included: the core matches those too. */
async function loadKeys(): Promise<Keys> {
  const kinds = [...new Set(Object.values(KINDS_OF).flat())];
  const lists = await Promise.all(kinds.map((kind) => call('refs.list', { kind, includeHidden: true })));
  const byKind = new Map(kinds.map((kind, i) => [kind, new Set((lists[i] ?? []).map((r) => nameKey(r.name)))]));
  const keys = {} as Keys;
  for (const [list, of] of Object.entries(KINDS_OF) as [RefList, readonly RefKind[]][]) {
    keys[list] = new Set(of.flatMap((kind) => [...(byKind.get(kind) ?? [])]));
  }
  return keys;
}

/** The names of the fields that no list holds yet, each once. */
export function newValues(keys: Keys, fields: readonly FieldNames[]): NewValue[] {
  const seen = new Set<string>();
  const found: NewValue[] = [];
  for (const field of fields) {
    for (const raw of field.names) {
      const name = raw?.trim();
      if (!name) continue;
      const key = nameKey(name);
      if (keys[field.list].has(key) || seen.has(`${field.list}:${key}`)) continue;
      seen.add(`${field.list}:${key}`);
      found.push({ list: field.list, name, listName: field.listName ?? LIST_GENITIVE[field.list] });
    }
  }
  return found;
}

/** A first guess at a kind's gender from its head word's ending; the clerk confirms or corrects it. */
export function guessGender(name: string): Gender {
  const words = name.toLowerCase().split(/\s+/).filter(Boolean);
  // An adjective in front («круглый стол», «деловая миссия») agrees with the noun after it.
  const head = words.find((w) => !/(ый|ий|ой|ая|яя|ое|ее|ые|ие)$/.test(w)) ?? words[0] ?? '';
  if (/[ыи]$/.test(head)) return 'pl';
  if (/[ая]$/.test(head)) return 'f';
  if (/[оеё]$/.test(head)) return 'n';
  return 'm';
}

export interface Answer {
  /** The gender chosen for a new kind; undefined when no kind is new. */
  kindGender?: Gender;
}

interface Pending {
  values: NewValue[];
  resolve: (answer: Answer | null) => void;
}

/**
 * `confirm(fields)` resolves to the clerk's answer (an empty one when every name is known), or null
 * for «Отмена»; `dialog` is to be rendered by the card.
 */
export function useNewRefValues(): { confirm: (fields: readonly FieldNames[]) => Promise<Answer | null>; dialog: ReactNode; open: boolean } {
  const keys = useRef<Promise<Keys> | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [gender, setGender] = useState<Gender | null>(null);

  useEffect(() => {
    keys.current = loadKeys();
    // A list that failed to load is loaded again at the save.
    keys.current.catch(() => {
      keys.current = null;
    });
  }, []);

  const confirm = useCallback(async (fields: readonly FieldNames[]): Promise<Answer | null> => {
    keys.current ??= loadKeys();
    let known: Keys;
    try {
      known = await keys.current;
    } catch {
      keys.current = null;
      return {}; // the lists did not load: the save goes on, and the core adds the names as before
    }
    const values = newValues(known, fields);
    if (values.length === 0) return {};
    const kind = values.find((v) => v.list === 'kind');
    setGender(kind ? guessGender(kind.name) : null);
    return new Promise((resolve) => setPending({ values, resolve }));
  }, []);

  const finish = (answer: Answer | null) => {
    pending?.resolve(answer);
    setPending(null);
    if (answer) keys.current = null; // the save adds them: asked again from fresh lists next time
  };

  const hasKind = pending?.values.some((v) => v.list === 'kind') ?? false;
  const dialog = pending && (
    <Modal opened onClose={() => finish(null)} title={pending.values.length === 1 ? 'Нет в справочнике' : 'Нет в справочниках'} size="lg">
      <Stack>
        {pending.values.map((v) => (
          <Stack key={`${v.list}:${v.name}`} gap="xs">
            <Text fw={500}>Добавить «{v.name}» в справочник {v.listName}?</Text>
            {v.list === 'kind' && (
              <Radio.Group label="Род (нужен отчёту: «прошёл форум», «прошла встреча»)" value={gender} onChange={(g) => setGender(g as Gender)}>
                <Stack gap={6} mt={6}>
                  {GENDERS.map((g) => <Radio key={g.value} value={g.value} label={g.label} />)}
                </Stack>
              </Radio.Group>
            )}
          </Stack>
        ))}
        <Text size="sm" c="dimmed">Если это опечатка, нажмите «Отмена» и выберите значение из списка.</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => finish(null)}>Отмена</Button>
          <Button disabled={hasKind && !gender} onClick={() => finish(hasKind && gender ? { kindGender: gender } : {})}>
            {pending.values.length === 1 ? 'Добавить и сохранить' : 'Добавить все и сохранить'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
  return { confirm, dialog, open: pending !== null };
}
