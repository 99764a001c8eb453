// Whether a build is current: every file it was built from is older than the build. No dependencies, so
// that bin/reestr.js can ask before anything heavy loads.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Beside a bundle: when it was built and the files it was built from (paths from the project's root). */
export const INPUTS_FILE = 'inputs.json';

/** Writes a file whole or not at all: processes running the bundle at the same time see old or new. */
export function writeAtomic(file, data) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, file);
}

/** Records a build's inputs; written after its outputs, so a build cut short is never taken for current. */
export function writeInputs(root, dir, builtAt, inputs) {
  const files = [...new Set(inputs)].filter((f) => !f.includes(':') && !f.startsWith('<'));
  writeAtomic(join(root, dir, INPUTS_FILE), JSON.stringify({ builtAt, inputs: files }));
}

/** True when the build in dir recorded its inputs and none of them changed (or vanished) since it began. */
export function isCurrent(root, dir) {
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(join(root, dir, INPUTS_FILE), 'utf8'));
    return inputs.every((file) => statSync(join(root, file)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

/** Every file under the paths (folders walked), for builds that do not report their inputs (Vite). */
export function filesUnder(root, paths) {
  const found = [];
  const walk = (path) => {
    const stat = statSync(join(root, path), { throwIfNoEntry: false });
    if (!stat) return;
    if (!stat.isDirectory()) return void found.push({ path, mtimeMs: stat.mtimeMs });
    // A folder's own time changes when a file is added or removed.
    found.push({ path, mtimeMs: stat.mtimeMs });
    for (const name of readdirSync(join(root, path))) walk(join(path, name));
  };
  paths.forEach(walk);
  return found;
}

/** True when the outputs under out exist and the oldest of them is newer than every source. */
export function outputsNewer(root, out, sources) {
  const outputs = filesUnder(root, [out]).filter((f) => f.path !== out);
  if (!outputs.some((f) => f.path.endsWith('index.html'))) return false;
  const oldest = Math.min(...outputs.map((f) => f.mtimeMs));
  return filesUnder(root, sources).every((f) => f.mtimeMs < oldest);
}
