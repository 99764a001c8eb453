// Whether a build is current (scripts/fresh.mjs): what bin/reestr.js and npm start decide a rebuild by.
import { mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCurrent, outputsNewer, writeInputs } from '../../scripts/fresh.mjs';
import { tempDir } from '../helpers';

/** A file whose modification time is `at` (ms since the epoch). */
function fileAt(root: string, path: string, at: number): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), path);
  utimesSync(join(root, path), at / 1000, at / 1000);
}

const BUILT = Date.parse('2026-01-10T12:00:00Z');
const BEFORE = BUILT - 60_000;
const AFTER = BUILT + 60_000;

describe('a bundle that recorded its inputs', () => {
  function built(): string {
    const root = tempDir();
    fileAt(root, 'src/a.ts', BEFORE);
    fileAt(root, 'src/b.ts', BEFORE);
    mkdirSync(join(root, 'out'));
    writeInputs(root, 'out', BUILT, ['src/a.ts', 'src/b.ts', '<runtime>']);
    return root;
  }

  it('is current while every input is older than the build', () => {
    expect(isCurrent(built(), 'out')).toBe(true);
  });

  it('is stale once an input is changed after the build began', () => {
    const root = built();
    utimesSync(join(root, 'src/b.ts'), AFTER / 1000, AFTER / 1000);
    expect(isCurrent(root, 'out')).toBe(false);
  });

  it('is stale once an input is gone', () => {
    const root = built();
    rmSync(join(root, 'src/a.ts'));
    expect(isCurrent(root, 'out')).toBe(false);
  });

  it('is stale without its record (a build cut short, or none yet)', () => {
    const root = built();
    rmSync(join(root, 'out/inputs.json'));
    expect(isCurrent(root, 'out')).toBe(false);
  });
});

describe('a build that does not report its inputs (the renderer)', () => {
  function built(): string {
    const root = tempDir();
    fileAt(root, 'renderer/main.tsx', BEFORE);
    fileAt(root, 'shared/x.ts', BEFORE);
    utimesSync(join(root, 'renderer'), BEFORE / 1000, BEFORE / 1000);
    utimesSync(join(root, 'shared'), BEFORE / 1000, BEFORE / 1000);
    fileAt(root, 'dist/index.html', BUILT);
    fileAt(root, 'dist/assets/app.js', BUILT);
    return root;
  }

  it('is current when its oldest output is newer than every source', () => {
    expect(outputsNewer(built(), 'dist', ['renderer', 'shared', 'vite.config.ts'])).toBe(true);
  });

  it('is stale when a source changed, or a file was added to a source folder', () => {
    const changed = built();
    utimesSync(join(changed, 'shared/x.ts'), AFTER / 1000, AFTER / 1000);
    expect(outputsNewer(changed, 'dist', ['renderer', 'shared'])).toBe(false);
    const added = built();
    fileAt(added, 'renderer/new.tsx', BEFORE);
    utimesSync(join(added, 'renderer'), AFTER / 1000, AFTER / 1000);
    expect(outputsNewer(added, 'dist', ['renderer', 'shared'])).toBe(false);
  });

  it('is stale when one output is older than a source (a build cut short) or index.html is missing', () => {
    const partial = built();
    utimesSync(join(partial, 'dist/assets/app.js'), (BEFORE - 1000) / 1000, (BEFORE - 1000) / 1000);
    expect(outputsNewer(partial, 'dist', ['renderer'])).toBe(false);
    const empty = built();
    rmSync(join(empty, 'dist/index.html'));
    expect(outputsNewer(empty, 'dist', ['renderer'])).toBe(false);
  });
});
