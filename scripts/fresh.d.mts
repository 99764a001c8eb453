// Types of fresh.mjs for the TypeScript that imports it (tests).
export const INPUTS_FILE: string;
export function writeAtomic(file: string, data: string | Uint8Array): void;
export function writeInputs(root: string, dir: string, builtAt: number, inputs: string[]): void;
export function isCurrent(root: string, dir: string): boolean;
export function filesUnder(root: string, paths: string[]): { path: string; mtimeMs: number }[];
export function outputsNewer(root: string, out: string, sources: string[]): boolean;
