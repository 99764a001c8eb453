// The import wizard's state, kept while the clerk looks elsewhere: the file, the choices, the preview.
import { create } from 'zustand';
import type { ImportOptions, ImportPreview, ImportResult } from '../../../shared/schema/import';
import { call } from '../../api/client';
import { base64 } from '../../components/base64';

export type ImportStep = 'file' | 'sheet' | 'columns' | 'rows' | 'done';

interface ImportState {
  step: ImportStep;
  fileName: string | null;
  preview: ImportPreview | null;
  options: ImportOptions;
  busy: 'reading' | 'analysing' | 'committing' | null;
  error: string | null;
  result: ImportResult | null;
  goTo: (step: ImportStep) => void;
  choose: (file: File) => Promise<void>;
  /** Re-reads the kept file with changed choices; a changed mapping or sheet drops edits and decisions. */
  change: (patch: Partial<ImportOptions>) => Promise<void>;
  commit: () => Promise<void>;
  reset: () => void;
}

const INITIAL = { step: 'file' as ImportStep, fileName: null, preview: null, options: {}, busy: null, error: null, result: null };

export const useImport = create<ImportState>((set, get) => ({
  ...INITIAL,
  goTo: (step) => set({ step }),
  async choose(file) {
    set({ ...INITIAL, fileName: file.name, busy: 'reading' });
    try {
      const data = base64(await file.arrayBuffer());
      set({ busy: 'analysing' });
      const preview = await call('import.analyze', { fileName: file.name, data, options: {} });
      set({ preview, busy: null, step: 'sheet' });
    } catch (e) {
      set({ busy: null, error: (e as Error).message });
    }
  },
  async change(patch) {
    const { preview, options } = get();
    if (!preview) return;
    const next: ImportOptions = { ...options, ...patch };
    if ('sheet' in patch || 'headerRow' in patch) delete next.mapping;
    // Rows are keyed by their place on the first sheet read: another first sheet names other rows.
    if ('sheet' in patch) {
      delete next.edits;
      delete next.decisions;
    }
    set({ busy: 'analysing', error: null, options: next });
    try {
      set({ preview: await call('import.analyze', { fileName: preview.fileName, fileId: preview.fileId, options: next }), busy: null });
    } catch (e) {
      set({ busy: null, error: (e as Error).message });
    }
  },
  async commit() {
    const { preview, options } = get();
    if (!preview) return;
    set({ busy: 'committing', error: null, step: 'done' });
    try {
      set({ result: await call('import.commit', { fileId: preview.fileId, options }), busy: null });
    } catch (e) {
      set({ busy: null, error: (e as Error).message, step: 'rows' });
    }
  },
  reset: () => set(INITIAL),
}));
