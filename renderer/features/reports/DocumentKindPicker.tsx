// The choice of document drafted from the register, each with a line on what it holds.
import { SegmentedControl, Stack, Text } from '@mantine/core';
import type { DocumentKind } from '../../../shared/schema/report';

export const DOCUMENT_KINDS: { value: DocumentKind; label: string; about: string }[] = [
  { value: 'report', label: 'Отчёт о сотрудничестве', about: 'Мероприятия периода — по абзацу на каждое, со вступлением и итогом.' },
  { value: 'plan', label: 'План мероприятий', about: 'Таблица запланированных мероприятий: наименование, срок, место, ответственные.' },
  { value: 'spravka', label: 'Справка', about: 'Краткий текст и число мероприятий по сферам и партнёрам.' },
  { value: 'agreements', label: 'Отчёт о соглашениях', about: 'Действующие соглашения: срок, мероприятия по ним за период, истекающие сроки.' },
  { value: 'letter', label: 'Сопроводительное письмо', about: 'Письмо с реквизитами отдела, к которому прилагается отчёт.' },
];

export function documentLabel(kind: DocumentKind): string {
  return DOCUMENT_KINDS.find((k) => k.value === kind)?.label ?? '';
}

export function DocumentKindPicker({ value, onChange }: { value: DocumentKind; onChange: (kind: DocumentKind) => void }) {
  const chosen = DOCUMENT_KINDS.find((k) => k.value === value);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="document-kind-label">Документ</Text>
      <SegmentedControl
        aria-labelledby="document-kind-label"
        data={DOCUMENT_KINDS.map(({ value: v, label }) => ({ value: v, label }))}
        value={value}
        onChange={(v) => {
          const kind = DOCUMENT_KINDS.find((k) => k.value === v);
          if (kind) onChange(kind.value);
        }}
        style={{ alignSelf: 'flex-start' }}
      />
      <Text size="sm" c="dimmed">{chosen?.about}</Text>
    </Stack>
  );
}
