// When a save is refused because someone changed the record after the clerk opened it: her values
// beside the register's, field by field, and her choice of each; or her changes dropped for theirs.
import { Alert, Badge, Button, Group, Modal, Radio, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { fieldChanges, type Fields } from '../../shared/ru/field-values';
import type { RecordKindName } from '../../shared/record-kinds';
import { ApiError } from '../api/client';

/** A field whose value differs between the clerk's card and the register. */
export interface ConflictRow {
  field: string;
  label: string;
  mine: string;
  theirs: string;
  /** She changed it in the card since she opened it. */
  mineChanged: boolean;
  /** It changed in the register since she opened it. */
  theirsChanged: boolean;
}

export type Choice = 'mine' | 'theirs';
export type Choices = Record<string, Choice>;

/** The stored fields a card's field is made of (the dates are three). */
export function sourcesOf(field: string): string[] {
  return field === 'dates' ? ['startDate', 'endDate', 'datePrecision'] : [field];
}

/** The record as it is now, when the error is a refused save that carries it. */
export function conflictCurrent(e: unknown): unknown {
  return e instanceof ApiError && e.info.code === 'conflict' && e.info.current !== undefined ? e.info.current : undefined;
}

/**
 * The fields that differ between the clerk's values and the register's, in the card's order, each
 * saying who changed it since the version she opened.
 */
export function conflictRows(entity: RecordKindName, opened: Fields, mine: Fields, theirs: Fields): ConflictRow[] {
  const changed = (a: Fields, b: Fields) => new Set(fieldChanges(entity, a, b).map((c) => c.field));
  const mineChanged = changed(opened, mine);
  const theirsChanged = changed(opened, theirs);
  return fieldChanges(entity, mine, theirs).map((c) => ({
    field: c.field,
    label: c.label,
    mine: c.before,
    theirs: c.after,
    mineChanged: mineChanged.has(c.field),
    theirsChanged: theirsChanged.has(c.field),
  }));
}

/** At first each field keeps the clerk's value where she changed it, else the register's: nobody's change is lost unasked. */
export function defaultChoices(rows: readonly ConflictRow[]): Choices {
  return Object.fromEntries(rows.map((row) => [row.field, row.mineChanged ? 'mine' : 'theirs']));
}

/** The card's draft with the register's value in each field chosen so. */
export function applyChoices<D extends object>(mine: D, theirs: D, choices: Choices): D {
  const merged: Record<string, unknown> = { ...(mine as Record<string, unknown>) };
  for (const [field, choice] of Object.entries(choices)) {
    if (choice !== 'theirs') continue;
    for (const key of sourcesOf(field)) if (Object.hasOwn(theirs, key)) merged[key] = (theirs as Record<string, unknown>)[key];
  }
  return merged as D;
}

/** What the clerk decided: save her choices, take the register's record as it is, or go back to her card. */
export type ConflictAnswer = { choices: Choices } | 'discard' | null;

interface Asked {
  /** Each question its own dialog, its choices fresh. */
  id: number;
  message: string;
  rows: ConflictRow[];
  resolve: (answer: ConflictAnswer) => void;
}

function Value({ text }: { text: string }) {
  // Plain text, as typed: never markup.
  return <Text component="span" size="sm" style={{ display: 'block', whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', maxHeight: 160, overflowY: 'auto' }}>{text}</Text>;
}

function ConflictModal({ asked, onAnswer }: { asked: Asked; onAnswer: (answer: ConflictAnswer) => void }) {
  const [choices, setChoices] = useState<Choices>(() => defaultChoices(asked.rows));
  const choose = (field: string, choice: Choice) => setChoices((c) => ({ ...c, [field]: choice }));
  return (
    <Modal opened size="xl" onClose={() => onAnswer(null)} title="Запись изменена, пока вы её редактировали" closeOnClickOutside={false}>
      <Stack>
        <Alert color="orange">{asked.message}</Alert>
        {asked.rows.length === 0 ? (
          <Text size="sm">Значения полей в реестре совпадают с вашими: их можно сохранить как есть.</Text>
        ) : (
          <>
            <Text size="sm">Для каждого поля выберите, какое значение сохранить: ваше или то, что сейчас в реестре.</Text>
            <ScrollArea.Autosize mah="55vh">
              <Table verticalSpacing="sm" layout="fixed" aria-label="Различающиеся поля">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w="22%">Поле</Table.Th>
                    <Table.Th>Ваше значение</Table.Th>
                    <Table.Th>Сейчас в реестре</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {asked.rows.map((row) => (
                    <Table.Tr key={row.field} data-field={row.field}>
                      <Table.Td>
                        <Text size="sm" fw={600}>{row.label}</Text>
                        <Group gap={4} mt={4}>
                          {row.mineChanged && <Badge size="sm" variant="light" tt="none">изменили вы</Badge>}
                          {row.theirsChanged && <Badge size="sm" variant="light" color="orange" tt="none">изменено в реестре</Badge>}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Radio name={`conflict-${row.field}`} checked={choices[row.field] === 'mine'} onChange={() => choose(row.field, 'mine')}
                          label={<Value text={row.mine} />} aria-label={`${row.label}: ваше значение`} />
                      </Table.Td>
                      <Table.Td>
                        <Radio name={`conflict-${row.field}`} checked={choices[row.field] === 'theirs'} onChange={() => choose(row.field, 'theirs')}
                          label={<Value text={row.theirs} />} aria-label={`${row.label}: сейчас в реестре`} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea.Autosize>
          </>
        )}
        <Group justify="space-between">
          <Button variant="default" color="red" onClick={() => onAnswer('discard')}
            title="Карточка покажет запись так, как она сейчас в реестре; ваши правки не сохранятся">
            Отменить мои изменения
          </Button>
          <Group>
            <Button variant="default" onClick={() => onAnswer(null)}>Вернуться к карточке</Button>
            <Button onClick={() => onAnswer({ choices })}>Сохранить выбранное</Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** The dialog of a card: `ask` shows it and resolves with the clerk's answer. */
export function useConflictDialog(): { ask: (message: string, rows: ConflictRow[]) => Promise<ConflictAnswer>; dialog: ReactNode; open: boolean } {
  const [asked, setAsked] = useState<Asked | null>(null);
  const pending = useRef<Asked | null>(null);
  const count = useRef(0);
  const ask = useCallback((message: string, rows: ConflictRow[]) => new Promise<ConflictAnswer>((resolve) => {
    pending.current?.resolve(null);
    const next = { id: ++count.current, message, rows, resolve };
    pending.current = next;
    setAsked(next);
  }), []);
  const answer = (value: ConflictAnswer) => {
    asked?.resolve(value);
    pending.current = null;
    setAsked(null);
  };
  return { ask, open: asked !== null, dialog: asked && <ConflictModal key={asked.id} asked={asked} onAnswer={answer} /> };
}
