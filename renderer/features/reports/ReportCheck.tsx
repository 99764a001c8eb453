// The check before export: how many paragraphs built from fields are not checked yet, and what the
// reference lists lack for the generator to write surely, each with a fix stored in the list at once.
import { Alert, Anchor, Button, Group, Paper, ScrollArea, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { REF_KIND_LABELS } from '../../../shared/ru/labels';
import { pluralForm } from '../../../shared/ru/plural';
import type { Report, ReportGap } from '../../../shared/schema/report';
import { routeHash } from '../../router/route';
import { FORM_LABELS, GENDERS, SETTLEMENTS, SETTLEMENT_LABEL } from '../../components/RefDialogs';
import { firstPlaceholder, placeholders, uncheckedCount } from './draftEdits';

const FIELD_LABELS: Record<ReportGap['field'], string> = {
  gender: FORM_LABELS.gender,
  genitive: FORM_LABELS.genitive,
  instrumental: FORM_LABELS.instrumental,
  locative: FORM_LABELS.locative,
  settlement: SETTLEMENT_LABEL,
};

/** «3 абзаца не проверены». */
export function uncheckedPhrase(n: number): string {
  return `${n} ${pluralForm(n, ['абзац', 'абзаца', 'абзацев'])} ${pluralForm(n, ['не проверен', 'не проверены', 'не проверены'])}`;
}

function GapRow({ gap, onFix }: { gap: ReportGap; onFix: (gap: ReportGap, value: string) => Promise<void> }) {
  const [value, setValue] = useState<string>(gap.guess ?? '');
  const [busy, setBusy] = useState(false);
  const label = FIELD_LABELS[gap.field];
  const fix = async () => {
    setBusy(true);
    try {
      await onFix(gap, value.trim());
    } finally {
      setBusy(false);
    }
  };
  const field = gap.field === 'settlement' || gap.field === 'gender'
    ? <Select size="xs" w={300} aria-label={`${label}: ${gap.name}`} placeholder="Выберите" data={gap.field === 'settlement' ? SETTLEMENTS : GENDERS} value={value || null} allowDeselect={false} onChange={(v) => setValue(v ?? '')} />
    : <TextInput size="xs" w={300} aria-label={`${label}: ${gap.name}`} value={value} onChange={(e) => setValue(e.currentTarget.value)} />;
  return (
    <Paper withBorder p="xs" data-gap={gap.name} data-field={gap.field}>
      <Text size="sm">{gap.message}</Text>
      <Group gap="xs" mt={6} align="center">
        <Text size="xs" c="dimmed">{label.split(' (')[0]}:</Text>
        {field}
        <Button size="xs" loading={busy} disabled={!value.trim()} onClick={() => void fix()} aria-label={`Записать в справочник: ${gap.name}, ${label.split(' (')[0]}`}>
          Записать в справочник
        </Button>
        <Anchor size="xs" href={routeHash({ section: 'references', item: gap.refKind })}>Открыть справочник «{REF_KIND_LABELS[gap.refKind]}»</Anchor>
      </Group>
    </Paper>
  );
}

export function ReportCheck({ report, onFix, onJump }: { report: Report; onFix: (gap: ReportGap, value: string) => Promise<void>; onJump: (paragraph: number) => void }) {
  const [open, setOpen] = useState(true);
  const unchecked = uncheckedCount(report);
  const gaps = report.gaps;
  const blanks = placeholders(report);
  if (unchecked === 0 && gaps.length === 0 && blanks.length === 0) {
    return (
      <Group gap={6} aria-label="Проверка перед выгрузкой">
        <IconCircleCheck size={18} color="var(--mantine-color-green-7)" aria-hidden />
        <Text size="sm" c="green.8">Проверка: непроверенных абзацев нет, справочникам хватает данных.</Text>
      </Group>
    );
  }
  const first = report.paragraphs.findIndex((p) => p.generated);
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} />} title="Проверка перед выгрузкой" role="region" aria-label="Проверка перед выгрузкой" p="sm">
      <Stack gap="xs">
        {unchecked > 0 && (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm">
              {uncheckedPhrase(unchecked)}: {pluralForm(unchecked, ['он составлен', 'они составлены', 'они составлены'])} из полей записей.
              Прочитайте и поправьте текст или отметьте «Проверено».
            </Text>
            <Button size="compact-sm" variant="white" style={{ flexShrink: 0 }} onClick={() => onJump(first)}>К первому</Button>
          </Group>
        )}
        {blanks.length > 0 && (
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <Text size="sm">
              Не заполнено: {blanks.join(', ')}. Впишите вместо них нужный текст (квадратные скобки уберите).
            </Text>
            {firstPlaceholder(report) >= 0 && <Button size="compact-sm" variant="white" style={{ flexShrink: 0 }} onClick={() => onJump(firstPlaceholder(report))}>К первому</Button>}
          </Group>
        )}
        {gaps.length > 0 && (
          <>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Text size="sm">
                Справочникам не хватает данных ({gaps.length}): пока в тексте стоит предположение программы. Проверьте его и запишите в справочник — документ соберётся с исправлением.
              </Text>
              <Button size="compact-sm" variant="white" style={{ flexShrink: 0 }} onClick={() => setOpen(!open)} aria-expanded={open}>
                {open ? 'Свернуть список' : `Показать список (${gaps.length})`}
              </Button>
            </Group>
            {open && (
              <ScrollArea.Autosize mah={230} type="auto">
                <Stack gap={6}>
                  {gaps.map((gap) => <GapRow key={`${gap.refId}-${gap.field}-${gap.guess ?? ''}`} gap={gap} onFix={onFix} />)}
                </Stack>
              </ScrollArea.Autosize>
            )}
          </>
        )}
      </Stack>
    </Alert>
  );
}
