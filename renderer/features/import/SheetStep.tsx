// Step 2: which sheets, where the header is, the year of dates without one, the partner of the file, hidden rows.
import { Button, Checkbox, Group, NumberInput, Select, Stack, Text } from '@mantine/core';
import { columnLetter } from '../../../shared/column-letter';
import { ENCODING_NAMES } from '../../../shared/ru/labels';
import { useRefNames } from '../../components/useRefNames';
import { useImport } from './importStore';
import classes from './ImportPage.module.css';

function partOf(row: number, headerRow: number, headerRows: number, dataRow: number): string | undefined {
  if (row < headerRow) return 'before';
  if (row < headerRow + headerRows) return 'header';
  if (row < dataRow) return 'numbers';
  return row === dataRow ? 'first' : undefined;
}

function letters(count: number): string[] {
  return Array.from({ length: count }, (_, i) => columnLetter(i));
}

/** The sheet choice meaning «the first table and every sheet with its header». */
const ALL_SHEETS = '\u0000all';

/** Sheets of other layouts, each with the way to read it too. */
function OtherSheets() {
  const { preview, change, options, busy } = useImport();
  if (!preview || preview.otherSheets.length === 0) return null;
  return (
    <Stack gap={4} className={classes.otherSheets} data-testid="other-sheets">
      <Text size="sm" fw={500}>Не прочитаны листы:</Text>
      {preview.otherSheets.map((s) => (
        <Group key={s.name} gap="sm" wrap="nowrap">
          <Text size="sm" style={{ flex: 1 }}>«{s.name}»: {s.reason}</Text>
          <Button
            size="xs"
            variant="light"
            disabled={busy !== null}
            aria-label={`Прочитать лист «${s.name}» тоже`}
            onClick={() => void change({ sheets: [...(options.sheets ?? []), s.name] })}
          >
            прочитать этот лист тоже
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

export function SheetStep() {
  const { preview, change, goTo, busy, options } = useImport();
  const partners = useRefNames('region', 'organisation', 'country');
  if (!preview) return null;
  const width = Math.max(1, ...preview.raw.map((r) => r.length));
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group align="flex-end" gap="sm">
        {preview.sheets.length > 1 && (
          <Select
            label="Лист"
            w={260}
            data={[
              { value: ALL_SHEETS, label: 'Все листы с этой таблицей' },
              ...preview.sheets.map((s) => ({ value: s.name ?? '', label: `${s.name ?? ''} (${s.rows} стр.)` })),
            ]}
            // Several sheets read: «every sheet»; one: that sheet, as it was found.
            value={options.sheet ?? (preview.readSheets.length > 1 ? ALL_SHEETS : (preview.sheet ?? ''))}
            allowDeselect={false}
            onChange={(sheet) => sheet !== null && void change({ sheet: sheet === ALL_SHEETS ? undefined : sheet, sheets: undefined, headerRow: undefined })}
          />
        )}
        <NumberInput
          label="Строка заголовка"
          w={150}
          min={1}
          value={preview.headerRow}
          onChange={(v) => typeof v === 'number' && v >= 1 && void change({ headerRow: v })}
        />
        <NumberInput
          // The title's year is shown and can be replaced: a whole year typed (or an arrow clicked) reads the
          // file again with it; emptied, the title's year is back. Remounted when the year read changes.
          key={`${preview.yearSource ?? ''}${preview.year ?? ''}`}
          label="Год для дат без года"
          description={preview.yearSource === 'title' ? 'взят из заголовка листа' : undefined}
          w={190}
          min={1990}
          max={2100}
          placeholder="не указан"
          defaultValue={preview.year ?? ''}
          onChange={(v) => {
            if (v === '' && options.year !== undefined) void change({ year: undefined });
            else if (typeof v === 'number' && v >= 1900 && v <= 2100 && v !== preview.year) void change({ year: v });
          }}
        />
        <Select
          label="Партнёр (для всех мероприятий файла)"
          w={320}
          searchable
          clearable
          placeholder="не указывать"
          data={partners}
          value={options.partner ?? null}
          onChange={(partner) => void change({ partner: partner ?? undefined })}
        />
      </Group>
      {preview.readSheets.length > 1 && (
        <Text size="sm" data-testid="read-sheets">
          Читаются листы: {preview.readSheets.map((s) => `«${s}»`).join(', ')}. Ниже показан первый из них.
        </Text>
      )}
      <OtherSheets />
      <Checkbox
        label="Читать скрытые строки и столбцы"
        description="Файл скрывает их; без этой отметки они пропускаются"
        checked={options.includeHidden ?? false}
        onChange={(e) => void change({ includeHidden: e.currentTarget.checked || undefined })}
      />
      {preview.encoding && (
        <Text size="sm" c="dimmed" data-testid="file-encoding">
          Кодировка файла: {ENCODING_NAMES[preview.encoding]}. Если буквы в таблице ниже искажены, сохраните файл из Excel как «CSV UTF-8» и выберите снова.
        </Text>
      )}
      <Text size="sm" c="dimmed">
        Голубым отмечен заголовок таблицы{preview.headerRows === 2 ? ' (две строки)' : ''}, зелёной чертой — первая строка данных (строка {preview.dataRow}).
      </Text>
      <div className={classes.raw} data-testid="raw-sheet">
        <table>
          <thead>
            <tr><th />{letters(width).map((l) => <th key={l}>{l}</th>)}</tr>
          </thead>
          <tbody>
            {preview.raw.map((cells, i) => (
              <tr key={i} data-part={partOf(i + 1, preview.headerRow, preview.headerRows, preview.dataRow)}>
                <td className={classes.rowNumber}>{i + 1}</td>
                {Array.from({ length: width }, (_, c) => <td key={c} title={cells[c] ?? ''}>{cells[c] ?? ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Group>
        <Button variant="default" onClick={() => goTo('file')}>Назад</Button>
        <Button onClick={() => goTo('columns')} loading={busy === 'analysing'}>Далее: столбцы</Button>
      </Group>
    </Stack>
  );
}
