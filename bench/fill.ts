// The bench's register: `total` generated events (2015–2026) stored through the app's own service, in
// slices of 10,000, each let go once stored: the app holds no such mass of inputs, and a heap kept
// full of them would slow the collector in every measure after.
import type { Core } from '../electron/core/core';
import { createEvents } from '../electron/core/services/events';
import { generateEvents } from './generate';

export async function fillRegister(core: Core, total: number): Promise<void> {
  for (let i = 0; i < total; i += 10_000) await createEvents(core, generateEvents(Math.min(10_000, total - i), 7 + i, 2015, 2026, i + 1));
}
