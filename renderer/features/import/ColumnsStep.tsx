// Step 3: what each column holds, the detected guess (or the saved profile) preselected and editable.
import { Alert, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IMPORT_FIELD_LABELS } from '../../../shared/ru/labels';
import type { ImportField } from '../../../shared/schema/import';
import { options } from '../../components/forms';
import { useImport } from './importStore';

const NONE = '';
const FIELD_OPTIONS = [{ value: NONE, label: '— не импортировать —' }, ...options(IMPORT_FIELD_LABELS)];

export function ColumnsStep() {
  const { preview, change, goTo, busy } = useImport();
  if (!preview) return null;
  const samples = (index: number) =>
    preview.raw.slice(preview.dataRow - 1).map((row) => row[index] ?? '').filter(Boolean).slice(0, 3).join(' · ');

  const assign = (index: number, field: ImportField | null) => {
    const mapping: Partial<Record<ImportField, number>> = {};
    for (const column of preview.columns) {
      // A field belongs to one column: choosing it here takes it from the other.
      if (column.field && column.index !== index && column.field !== field) mapping[column.field] = column.index;
    }
    if (field) mapping[field] = index;
    void change({ mapping });
  };

  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
      <Group gap="xs">
        {preview.mappingSource === 'profile' && <Badge color="teal" variant="light">Сопоставление из прошлого импорта «{preview.profileName}»</Badge>}
        {preview.mappingSource === 'detected' && <Badge color="blue" variant="light">Столбцы распознаны по заголовкам</Badge>}
        {preview.mappingSource === 'user' && <Badge color="gray" variant="light">Сопоставление изменено вручную</Badge>}
      </Group>
      {preview.warnings.map((w) => <Alert key={w} color="yellow" p="xs">{w}</Alert>)}
      <Table withTableBorder striped verticalSpacing={6} maw={1100}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={50}>Столбец</Table.Th>
            <Table.Th>Заголовок в файле</Table.Th>
            <Table.Th w={280}>Импортировать как</Table.Th>
            <Table.Th>Примеры значений</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.columns.map((column) => (
            <Table.Tr key={column.index}>
              <Table.Td>{column.letter}</Table.Td>
              <Table.Td>{column.header || <Text span c="dimmed">(без заголовка)</Text>}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={`Столбец ${column.letter}`}
                  data={FIELD_OPTIONS}
                  value={column.field ?? NONE}
                  allowDeselect={false}
                  onChange={(value) => assign(column.index, value ? (value as ImportField) : null)}
                />
              </Table.Td>
              <Table.Td><Text size="xs" c="dimmed" lineClamp={2}>{samples(column.index)}</Text></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button variant="default" onClick={() => goTo('sheet')}>Назад</Button>
        <Button onClick={() => goTo('rows')} loading={busy === 'analysing'}>Далее: проверка строк</Button>
      </Group>
    </Stack>
  );
}
