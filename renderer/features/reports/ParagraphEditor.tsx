// One paragraph of a draft: its text, the event it tells of, the «check» mark of a paragraph built
// from the record's fields, and moving, removing and adding paragraphs.
import { ActionIcon, Anchor, Checkbox, Group, Paper, SimpleGrid, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle, IconArrowDown, IconArrowUp, IconRowInsertBottom, IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import type { ReportParagraph } from '../../../shared/schema/report';
import { routeHash } from '../../router/route';
import { editParagraph, insertParagraph, markChecked, moveParagraph, removeParagraph } from './draftEdits';
import type { DraftUpdate } from './ReportTableEditor';
import { CSS_SIZING, GROWS_WITH_TEXT } from './textSizing';

export const GENERATED_NOTE = 'Составлено из полей записи — проверьте текст';

export const ParagraphEditor = memo(function ParagraphEditor({ paragraph, index, last, update }: { paragraph: ReportParagraph; index: number; last: boolean; update: DraftUpdate }) {
  const n = index + 1;
  const marked = paragraph.generated;
  return (
    <Paper
      data-paragraph={index}
      data-generated={marked ? 'true' : undefined}
      p={marked ? 'xs' : 0}
      bg={marked ? 'yellow.0' : undefined}
      style={marked ? { borderLeft: '4px solid var(--mantine-color-yellow-6)' } : undefined}
    >
      {marked && (
        <Group gap="sm" mb={4} justify="space-between">
          <Group gap={6} wrap="nowrap">
            <IconAlertTriangle size={16} color="var(--mantine-color-yellow-8)" aria-hidden />
            <Text size="sm" c="yellow.9">{GENERATED_NOTE}</Text>
          </Group>
          <Checkbox size="sm" label="Проверено" aria-label={`Абзац ${n} проверен`} checked={false} onChange={() => update((r) => markChecked(r, index))} />
        </Group>
      )}
      <Group align="flex-start" gap="xs" wrap="nowrap">
        <Textarea
          style={{ flex: 1 }}
          rows={2}
          autosize={!CSS_SIZING}
          minRows={2}
          styles={CSS_SIZING ? GROWS_WITH_TEXT : undefined}
          aria-label={`Абзац ${n}`}
          description={paragraph.eventId ? <Anchor href={routeHash({ section: 'events', item: String(paragraph.eventId) })} size="xs">мероприятие № {paragraph.eventId}</Anchor> : undefined}
          value={paragraph.text}
          onChange={(e) => {
            const text = e.currentTarget.value;
            update((r) => editParagraph(r, index, text));
          }}
        />
        {/* Two by two: the icons take no more height than a two-line paragraph. Native titles, not
            Tooltip components: hundreds of paragraphs render at once. */}
        <SimpleGrid cols={2} spacing={2} verticalSpacing={2} pt={paragraph.eventId ? 22 : 0}>
          <ActionIcon title="Выше" variant="subtle" size="sm" aria-label={`Абзац ${n} выше`} disabled={index === 0} onClick={() => update((r) => moveParagraph(r, index, index - 1))}><IconArrowUp size={16} /></ActionIcon>
          <ActionIcon title="Ниже" variant="subtle" size="sm" aria-label={`Абзац ${n} ниже`} disabled={last} onClick={() => update((r) => moveParagraph(r, index, index + 1))}><IconArrowDown size={16} /></ActionIcon>
          <ActionIcon title="Добавить абзац ниже" variant="subtle" size="sm" aria-label={`Добавить абзац после ${n}`} onClick={() => update((r) => insertParagraph(r, index + 1))}><IconRowInsertBottom size={16} /></ActionIcon>
          <ActionIcon title="Убрать абзац" variant="subtle" size="sm" color="red" aria-label={`Убрать абзац ${n}`} onClick={() => update((r) => removeParagraph(r, index))}><IconTrash size={16} /></ActionIcon>
        </SimpleGrid>
      </Group>
    </Paper>
  );
});
