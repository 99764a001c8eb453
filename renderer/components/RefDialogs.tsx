// Dialogs of the reference lists: an entry's name and forms, and the merge of two entries.
import { Button, Group, Modal, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useState } from 'react';
import type { Gender, Ref, RefKind, Settlement } from '../../shared/schema/reference';

/** Which grammatical forms a list carries, as the reports need them. */
export const FORMS: Record<RefKind, readonly ('gender' | 'genitive' | 'instrumental' | 'locative')[]> = {
  kind: ['gender'],
  sphere: ['genitive'],
  department: ['genitive'],
  city: ['locative'],
  country: ['genitive', 'instrumental'],
  region: ['genitive', 'instrumental'],
  organisation: ['genitive', 'instrumental'],
};

export const FORM_LABELS = {
  gender: 'Род',
  genitive: 'Родительный падеж (кого? чего?)',
  instrumental: 'Творительный падеж (с кем? с чем?)',
  locative: 'Предложный падеж (в ком? в чём?)',
} as const;

export const GENDERS: { value: Gender; label: string }[] = [
  { value: 'm', label: 'мужской (прошёл форум)' },
  { value: 'f', label: 'женский (прошла встреча)' },
  { value: 'n', label: 'средний (прошло заседание)' },
  { value: 'pl', label: 'множественное число (прошли Дни культуры)' },
];

/** A settlement's type as the reports write it before the name, and what it stands for. */
export const SETTLEMENTS: { value: Settlement; label: string }[] = [
  { value: 'г.', label: 'г. — город' },
  { value: 'пгт', label: 'пгт — посёлок городского типа' },
  { value: 'рп', label: 'рп — рабочий посёлок' },
  { value: 'п.', label: 'п. — посёлок' },
  { value: 'с.', label: 'с. — село' },
  { value: 'д.', label: 'д. — деревня' },
  { value: 'ст-ца', label: 'ст-ца — станица' },
  { value: 'х.', label: 'х. — хутор' },
  { value: 'г. п.', label: 'г. п. — городской посёлок (Беларусь)' },
  { value: 'аг.', label: 'аг. — агрогородок (Беларусь)' },
];

export const SETTLEMENT_LABEL = 'Тип населённого пункта';

export function settlementLabel(settlement: Settlement | null): string | null {
  return SETTLEMENTS.find((s) => s.value === settlement)?.label ?? null;
}

export interface RefChange {
  name: string;
  gender: Gender | null;
  genitive: string | null;
  instrumental: string | null;
  locative: string | null;
  settlement: Settlement | null;
}

/** `renameLocked`: why the name cannot be changed here (a role that may fill forms but not rename), if it cannot. */
export function EditRefDialog({ entry, kind, renameLocked = null, onSave, onClose }: {
  entry: Ref | null; kind: RefKind; renameLocked?: string | null; onSave: (change: RefChange) => void; onClose: () => void;
}) {
  const [change, setChange] = useState<RefChange>({
    name: entry?.name ?? '', gender: entry?.gender ?? null, genitive: entry?.genitive ?? null, instrumental: entry?.instrumental ?? null, locative: entry?.locative ?? null,
    settlement: entry?.settlement ?? null,
  });
  return (
    <Modal opened onClose={onClose} title={entry ? 'Изменить запись' : 'Новая запись'} size="lg">
      <Stack>
        <Tooltip label={renameLocked} disabled={renameLocked === null} position="top-start">
          <TextInput label="Название" required readOnly={renameLocked !== null} value={change.name} onChange={(e) => setChange({ ...change, name: e.currentTarget.value })} autoFocus={renameLocked === null} />
        </Tooltip>
        {kind === 'city' && (
          <Select
            label={SETTLEMENT_LABEL}
            description="Пишется в отчётах перед названием: «в г. Орше», «в д. Заболотье», «в аг. Лесное»."
            placeholder="не указан — отчёт попросит уточнить"
            data={SETTLEMENTS}
            value={change.settlement}
            clearable
            allowDeselect={false}
            onChange={(s) => setChange({ ...change, settlement: s as Settlement | null })}
          />
        )}
        {FORMS[kind].map((form) => form === 'gender'
          ? <Select key={form} label={FORM_LABELS.gender} data={GENDERS} value={change.gender} clearable onChange={(g) => setChange({ ...change, gender: g as Gender | null })} />
          : <TextInput key={form} label={FORM_LABELS[form]} value={change[form] ?? ''} onChange={(e) => setChange({ ...change, [form]: e.currentTarget.value || null })} />)}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Отмена</Button>
          <Button onClick={() => onSave(change)} disabled={!change.name.trim()}>Сохранить</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function MergeRefDialog({ victim, entries, onMerge, onClose }: { victim: Ref; entries: Ref[]; onMerge: (survivorId: number) => void; onClose: () => void }) {
  const [survivor, setSurvivor] = useState<string | null>(null);
  const choices = entries.filter((e) => e.id !== victim.id).map((e) => ({ value: String(e.id), label: e.name }));
  return (
    <Modal opened onClose={onClose} title="Объединить записи" size="lg">
      <Stack>
        <Text size="sm">
          Все мероприятия и соглашения, где указано «{victim.name}» (записей: {victim.usage}), перейдут к выбранной записи,
          а «{victim.name}» будет удалено из справочника.
        </Text>
        <Select label="Оставить запись" placeholder="Выберите" searchable data={choices} value={survivor} onChange={setSurvivor} nothingFoundMessage="Не найдено" autoFocus />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>Отмена</Button>
          <Button color="orange" disabled={!survivor} onClick={() => survivor && onMerge(Number(survivor))}>Объединить</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
