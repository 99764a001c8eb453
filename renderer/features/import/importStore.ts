// The import wizard's state, kept while the clerk looks elsewhere: the file, the choices, the preview.
import { create } from 'zustand';
import type { ImportOptions, ImportPreview, ImportResult } from '../../../shared/schema/import';
import type { JobStatus } from '../../../shared/schema/jobs';
import { call } from '../../api/client';
import { startJob, type Job, type JobProgress } from '../../api/jobs';
import { errorMessage } from '../../api/notifyError';
import { base64 } from '../../components/base64';

export type ImportStep = 'file' | 'sheet' | 'columns' | 'rows' | 'done';

interface ImportState {
  step: ImportStep;
  fileName: string | null;
  preview: ImportPreview | null;
  options: ImportOptions;
  busy: 'reading' | 'analysing' | 'committing' | null;
  error: string | null;
  /** What the clerk should know that is not an error: a cancelled commit. */
  notice: string | null;
  result: ImportResult | null;
  /** The commit job being followed, and its rows written of the total (total 0 while the file is checked). */
  job: { id: string; done: number; total: number; stage?: JobProgress['stage']; cancelling: boolean } | null;
  /** The analysis job being followed: reading the file, then (rows read, sheets) checking its rows. */
  analysis: { progress: JobProgress; cancelling: boolean } | null;
  goTo: (step: ImportStep) => void;
  choose: (file: File) => Promise<void>;
  /** Re-reads the kept file with changed choices; a changed mapping or sheet drops edits and decisions. */
  change: (patch: Partial<ImportOptions>) => Promise<void>;
  commit: () => Promise<void>;
  /** Asks the commit to stop: its transaction rolls back, the register stays as it was. */
  cancel: () => Promise<void>;
  /** Stops reading and checking the file: the wizard stays where it was. */
  cancelAnalysis: () => Promise<void>;
  reset: () => void;
}

const INITIAL = { step: 'file' as ImportStep, fileName: null, preview: null, options: {}, busy: null, error: null, notice: null, result: null, job: null, analysis: null };

export const ANALYSIS_CANCELLED = 'Разбор файла остановлен: ничего не записано.';

/** The analysis followed now: a newer one replaces it (the older is cancelled, its answer dropped). */
let analysing: Job<ImportPreview> | null = null;
/** Counts the analyses asked for: only the last one's answer is shown. */
let generation = 0;
/**
 * Up to this many rows a changed choice (a column, a corrected cell) is previewed again by a direct
 * call, in a blink; a worker thread would add its start (a third of a second) to every edit.
 */
const DIRECT_ROWS = 5_000;

/** How often a running commit is asked for its progress. */
const POLL_MS = 250;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const useImport = create<ImportState>((set, get) => ({
  ...INITIAL,
  goTo: (step) => set({ step }),
  async choose(file) {
    set({ ...INITIAL, fileName: file.name, busy: 'reading' });
    let data: string;
    try {
      data = base64(await file.arrayBuffer());
    } catch (e) {
      set({ busy: null, error: errorMessage(e) });
      return;
    }
    const mine = ++generation;
    const end = await analyse(set, { fileName: file.name, data, options: {} });
    if (end === 'stale' || mine !== generation) return;
    if (end === 'cancelled') set({ ...INITIAL, notice: ANALYSIS_CANCELLED });
    else if (end instanceof Error) set({ busy: null, analysis: null, error: errorMessage(end) });
    else set({ preview: end, busy: null, analysis: null, step: 'sheet' });
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
    set({ busy: 'analysing', error: null, notice: null, options: next });
    const mine = ++generation;
    const input = { fileName: preview.fileName, fileId: preview.fileId, options: next };
    let end: Awaited<ReturnType<typeof analyse>>;
    if (preview.rows.length <= DIRECT_ROWS) {
      void analysing?.cancel().catch(() => {});
      analysing = null;
      end = await call('import.analyze', input).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
    } else end = await analyse(set, input);
    if (end === 'stale' || mine !== generation) return;
    // Stopped: the preview shown is still the one of the choices before.
    if (end === 'cancelled') set({ busy: null, analysis: null, options, notice: ANALYSIS_CANCELLED });
    else if (end instanceof Error) set({ busy: null, analysis: null, error: errorMessage(end) });
    else set({ preview: end, busy: null, analysis: null });
  },
  async commit() {
    const { preview, options } = get();
    if (!preview) return;
    set({ busy: 'committing', error: null, notice: null, step: 'done', job: null });
    try {
      // A job in the back end's worker thread: the app goes on answering while the rows are written.
      const { jobId } = await call('jobs.start', { kind: 'import.commit', input: { fileId: preview.fileId, options } });
      set({ job: { id: jobId, done: 0, total: 0, cancelling: false } });
      let status: JobStatus;
      for (;;) {
        status = await call('jobs.status', { jobId });
        if (status.state !== 'running') break;
        const job = get().job;
        const { done, total, stage } = status.progress;
        set({ job: { id: jobId, done, total, stage, cancelling: job?.cancelling ?? false } });
        await wait(POLL_MS);
      }
      if (status.state === 'done' && status.result && 'batchId' in status.result) set({ result: status.result, busy: null, job: null });
      else if (status.state === 'cancelled') {
        set({ busy: null, job: null, step: 'rows', notice: 'В реестр ничего не записано: он остался таким, каким был до импорта. Файл можно записать снова.' });
      } else set({ busy: null, job: null, step: 'rows', error: status.error?.message ?? 'Импорт не выполнен: данные не изменены.' });
    } catch (e) {
      set({ busy: null, job: null, error: (e as Error).message, step: 'rows' });
    }
  },
  async cancel() {
    const job = get().job;
    if (!job || job.cancelling) return;
    set({ job: { ...job, cancelling: true } });
    try {
      await call('jobs.cancel', { jobId: job.id });
    } catch (e) {
      set({ error: (e as Error).message });
    }
  },
  async cancelAnalysis() {
    const { analysis } = get();
    if (!analysing || !analysis || analysis.cancelling) return;
    set({ analysis: { ...analysis, cancelling: true } });
    try {
      await analysing.cancel();
    } catch (e) {
      set({ error: errorMessage(e) });
    }
  },
  reset: () => {
    void analysing?.cancel().catch(() => {});
    analysing = null;
    generation++;
    set(INITIAL);
  },
}));

type Set = (patch: Partial<ImportState>) => void;

/**
 * Reads and checks the file in a job of the back end's worker thread (the app goes on answering),
 * the progress shown as it comes; 'stale' when a newer analysis replaced this one.
 */
async function analyse(set: Set, input: { fileName: string; data?: string; fileId?: string; options: ImportOptions }): Promise<ImportPreview | 'cancelled' | 'stale' | Error> {
  void analysing?.cancel().catch(() => {});
  const job = startJob<ImportPreview>({ kind: 'import.analyze', input }, (progress) => {
    if (analysing === job) set({ analysis: { progress, cancelling: useImport.getState().analysis?.cancelling ?? false } });
  });
  analysing = job;
  set({ analysis: { progress: { done: 0, total: 0 }, cancelling: false } });
  try {
    const end = await job.end;
    if (analysing !== job) return 'stale';
    analysing = null;
    return end.state === 'done' ? end.result : 'cancelled';
  } catch (e) {
    if (analysing !== job) return 'stale';
    analysing = null;
    return e instanceof Error ? e : new Error(String(e));
  }
}
