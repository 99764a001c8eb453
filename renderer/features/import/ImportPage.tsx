// The Импорт section: a wizard from a partner's file to events in the register, and the import history.
import { Alert, Button, Group, Loader, Progress, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useRef, useState, type DragEvent } from 'react';
import { AGREEMENT_FORMS, countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import { navigate } from '../../router/route';
import { useAllowed } from '../../api/useAllowed';
import { rolesFrom } from '../../api/allowed';
import { LEAST_ROLE } from '../../../shared/roles';
import { useEventsFilter } from '../../stores/eventsFilter';
import { ColumnsStep } from './ColumnsStep';
import { ImportHistory, showBatch } from './ImportHistory';
import { RowsStep } from './RowsStep';
import { SheetStep } from './SheetStep';
import { ANALYSIS_CANCELLED, useImport, type ImportStep } from './importStore';
import classes from './ImportPage.module.css';

const STEPS: readonly ImportStep[] = ['file', 'sheet', 'columns', 'rows', 'done'];

/** What the analysis is doing: reading the file, then checking the rows it read. */
export function AnalysisProgress() {
  const { analysis, cancelAnalysis } = useImport();
  if (!analysis) return null;
  const { progress, cancelling } = analysis;
  const checking = progress.stage === 'checking';
  const sheets = progress.sheets ?? 0;
  const text = checking
    ? `Прочитано строк: ${progress.done.toLocaleString('ru-RU')}${sheets > 1 ? ` на ${sheets} листах` : ''}. Проверка строк и поиск дубликатов…`
    : 'Чтение файла…';
  return (
    <Stack gap={6} w="100%" maw={560}>
      <Text size="sm">{text}</Text>
      {/* Two steps: reading (its rows are counted once read), then the check of every row. */}
      <Progress value={checking ? 100 : 50} animated striped size="md" aria-label="Разбор файла" transitionDuration={200} />
      <Group>
        <Button size="xs" variant="default" onClick={() => void cancelAnalysis()} disabled={cancelling} loading={cancelling}>Отменить</Button>
      </Group>
    </Stack>
  );
}

function FileStep() {
  const { choose, busy, analysis } = useImport();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void choose(file);
  };
  return (
    <Stack>
      <div
        className={classes.drop}
        data-over={over || undefined}
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <IconFileSpreadsheet size={40} stroke={1.4} />
        <Text fw={500}>Перетащите сюда таблицу партнёра</Text>
        <Text size="sm" c="dimmed">Книга Excel (.xlsx, .xls), таблица OpenDocument (.ods), CSV или документ Word (.docx) и OpenDocument (.odt) с таблицей.</Text>
        <Button leftSection={<IconUpload size={16} />} loading={busy !== null} onClick={() => input.current?.click()}>Выбрать файл…</Button>
        <input
          ref={input}
          type="file"
          hidden
          accept=".xlsx,.xlsm,.xls,.ods,.csv,.txt,.docx,.odt,.doc"
          data-testid="import-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) void choose(file);
          }}
        />
        {busy && !analysis && <Group gap="xs"><Loader size="xs" /><Text size="sm">Чтение файла…</Text></Group>}
        <AnalysisProgress />
      </div>
      <ImportHistory />
    </Stack>
  );
}

function DoneStep() {
  const { busy, result, preview, reset, job, cancel } = useImport();
  const setFilter = useEventsFilter((s) => s.set);
  const mayUndo = useAllowed()('import.undo');
  if (busy === 'committing' || !result) {
    const total = job?.total ?? 0;
    const done = job?.done ?? 0;
    return (
      <Stack maw={560}>
        <Text>
          {total
            ? `Записано ${done.toLocaleString('ru-RU')} из ${total.toLocaleString('ru-RU')}`
            : job?.stage === 'copying' || job?.stage === 'checking'
              ? 'Резервная копия реестра перед записью…'
              : `Проверка файла перед записью${preview ? `: ${countOf(preview.summary.new, EVENT_FORMS)}` : ''}…`}
        </Text>
        <Progress value={total ? (100 * done) / total : 0} animated={!total} striped={!total} size="lg" aria-label="Запись в реестр" transitionDuration={200} />
        <Group>
          <Button variant="default" color="red" onClick={() => void cancel()} disabled={!job || job.cancelling} loading={job?.cancelling}>
            Отменить
          </Button>
          {job?.cancelling && <Text size="sm" c="dimmed">Отмена: записанное откатывается…</Text>}
        </Group>
      </Stack>
    );
  }
  const { batchId } = result;
  return (
    <Stack maw={640}>
      <Alert color="green" icon={<IconCheck />} title={batchId ? 'Импорт завершён' : 'Записывать нечего'}>
        {batchId
          ? `Добавлено ${countOf(result.created, EVENT_FORMS)}${result.agreements ? ` и ${countOf(result.agreements, AGREEMENT_FORMS)}` : ''}${result.updated ? `, обновлено: ${result.updated}` : ''}. Пакет импорта № ${batchId}: ${mayUndo ? 'его можно отменить целиком в истории импорта' : `отмена целиком в истории импорта доступна ${rolesFrom(LEAST_ROLE['import.undo'])}`}.`
          : 'Все строки файла уже есть в реестре, пропущены или содержат ошибки.'}
        {result.errors > 0 && ` Строк с ошибками не импортировано: ${result.errors}.`}
      </Alert>
      <Group>
        {batchId && preview && (
          <Button onClick={() => showBatch(setFilter, batchId, preview.fileName)}>Показать импортированные</Button>
        )}
        <Button variant="default" onClick={reset}>Импортировать другой файл</Button>
        <Button variant="subtle" onClick={() => { reset(); navigate({ section: 'events' }); }}>К списку мероприятий</Button>
      </Group>
    </Stack>
  );
}

/** A role that may not import: the batches, and who may. */
function ReadOnlyImport() {
  return (
    <Stack gap="md">
      <Title order={2}>Импорт</Title>
      <Text c="dimmed" size="sm">Импорт файлов доступен {rolesFrom(LEAST_ROLE['import.commit'])}.</Text>
      <ImportHistory />
    </Stack>
  );
}

export function ImportPage() {
  const mayImport = useAllowed()('import.commit');
  return mayImport ? <ImportWizard /> : <ReadOnlyImport />;
}

function ImportWizard() {
  const { step, goTo, preview, error, notice, fileName } = useImport();
  const active = STEPS.indexOf(step);
  const reachable = (target: number) => preview !== null && target < active && step !== 'done';
  return (
    <Stack gap="md" h="calc(100dvh - 52px - 2 * var(--mantine-spacing-md))">
      <Group justify="space-between">
        <Title order={2}>Импорт</Title>
        {fileName && step !== 'file' && <Text c="dimmed" size="sm">Файл: {fileName}</Text>}
      </Group>
      <Stepper active={active} onStepClick={(i) => reachable(i) && goTo(STEPS[i] as ImportStep)} size="sm">
        <Stepper.Step label="Файл" description="выбор таблицы" />
        <Stepper.Step label="Лист и заголовок" description="где таблица" />
        <Stepper.Step label="Столбцы" description="что где записано" />
        <Stepper.Step label="Проверка" description="строки и дубликаты" />
        <Stepper.Step label="Готово" />
      </Stepper>
      {error && <Alert color="red" title="Не удалось выполнить импорт">{error}</Alert>}
      {notice && <Alert color="yellow" title={notice === ANALYSIS_CANCELLED ? 'Разбор файла отменён' : 'Импорт отменён'}>{notice}</Alert>}
      {step === 'file' && <FileStep />}
      {step === 'sheet' && <SheetStep />}
      {step === 'columns' && <ColumnsStep />}
      {step === 'rows' && <RowsStep />}
      {step === 'done' && <DoneStep />}
    </Stack>
  );
}
