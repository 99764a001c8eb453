// One export for the Экспорт section, the events table and the calendar: the workbook, made in the
// back end's worker thread (the app goes on answering), handed to the user.
import { useState } from 'react';
import type { MethodInput, MethodOutput } from '../../shared/api';
import { startJob, type Job, type JobProgress } from '../api/jobs';
import { notifyError } from '../api/notifyError';
import { saveFile } from './saveFile';

/** The workbook as a job: `onProgress` hears events written of the total; a cancelled job saves nothing. */
export function exportJob(input: MethodInput<'export.period'>, onProgress?: (progress: JobProgress) => void): Job<MethodOutput<'export.period'>> {
  return startJob<MethodOutput<'export.period'>>({ kind: 'export.period', input }, onProgress);
}

export async function exportToExcel(input: MethodInput<'export.period'>): Promise<void> {
  const end = await exportJob(input).end;
  if (end.state === 'done') saveFile(end.result.fileName, end.result.data);
}

/** A page's «Экспорт в Excel» button: busy while the file is made, a notice when it cannot be. */
export function useExcelExport(): { exporting: boolean; exportShown: (input: MethodInput<'export.period'>) => Promise<void> } {
  const [exporting, setExporting] = useState(false);
  const exportShown = async (input: MethodInput<'export.period'>) => {
    setExporting(true);
    try {
      await exportToExcel(input);
    } catch (e) {
      notifyError(e, 'Не удалось выгрузить');
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exportShown };
}
