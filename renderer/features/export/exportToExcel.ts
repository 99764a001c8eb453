// One export for the Экспорт section and the events table's button: the workbook, handed to the user.
import type { MethodInput } from '../../../shared/api';
import { call } from '../../api/client';
import { saveFile } from '../../components/saveFile';

export async function exportToExcel(input: MethodInput<'export.period'>): Promise<void> {
  const file = await call('export.period', input);
  saveFile(file.fileName, file.data);
}
