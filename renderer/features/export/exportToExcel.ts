// One export for the Экспорт section, the events table and the calendar: the workbook, handed to the user.
import { useState } from 'react';
import { notifications } from '@mantine/notifications';
import type { MethodInput } from '../../../shared/api';
import { call } from '../../api/client';
import { saveFile } from '../../components/saveFile';

export async function exportToExcel(input: MethodInput<'export.period'>): Promise<void> {
  const file = await call('export.period', input);
  saveFile(file.fileName, file.data);
}

/** A page's «Экспорт в Excel» button: busy while the file is made, a notice when it cannot be. */
export function useExcelExport(): { exporting: boolean; exportShown: (input: MethodInput<'export.period'>) => Promise<void> } {
  const [exporting, setExporting] = useState(false);
  const exportShown = async (input: MethodInput<'export.period'>) => {
    setExporting(true);
    try {
      await exportToExcel(input);
    } catch (e) {
      notifications.show({ color: 'red', title: 'Не удалось выгрузить', message: (e as Error).message });
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exportShown };
}
