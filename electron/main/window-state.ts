// The window's size and place, remembered between launches and kept on a screen that still exists.
import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_SIZE = { width: 1280, height: 800 } as const;

const SavedSchema = z.object({
  x: z.int(),
  y: z.int(),
  width: z.int().min(400).max(20_000),
  height: z.int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof SavedSchema>;

/** The saved state if it is sound; anything else (a hand-edited or damaged file) means defaults. */
export function parseWindowState(text: string | null): WindowState | null {
  if (text === null) return null;
  try {
    return SavedSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where to open: the saved place when a good part of the window (a quarter) is on one of today's
 * screens; otherwise the default size, centred by the system. A monitor unplugged since is the usual case.
 */
export function initialBounds(saved: WindowState | null, screens: readonly Rect[]): Partial<Rect> & { width: number; height: number } {
  if (!saved) return { ...DEFAULT_SIZE };
  const visible = screens.some((screen) => overlap(saved, screen) >= (saved.width * saved.height) / 4);
  return visible ? { x: saved.x, y: saved.y, width: saved.width, height: saved.height } : { width: saved.width, height: saved.height };
}
