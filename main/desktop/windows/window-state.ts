// The main window comes back where the user left it, unless that place is no longer on any
// screen (a monitor unplugged, a laptop undocked): then it comes back on a visible one.
import { z } from 'zod';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

const integer = z.number().int().min(-100_000).max(100_000);
export const windowStateSchema = z
  .object({
    bounds: z.object({ x: integer, y: integer, width: integer.min(1), height: integer.min(1) }).strict(),
    maximized: z.boolean(),
  })
  .strict();
export type WindowState = z.infer<typeof windowStateSchema>;

export const minimumWindowSize = { width: 480, height: 360 };
/** How much of the window (its title bar, really) must be on a screen to be reachable. */
const reachable = { width: 120, height: 40 };

function overlap(first: Rectangle, second: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(first.x + first.width, second.x + second.width) - Math.max(first.x, second.x),
    height: Math.min(first.y + first.height, second.y + second.height) - Math.max(first.y, second.y),
  };
}

function titleBarOf(bounds: Rectangle): Rectangle {
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, 48) };
}

/**
 * Where to put the window, from what was saved and the screens' work areas (primary first).
 * Null bounds: nothing usable was saved, the system's default placement is best.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rectangle[]): { bounds: Rectangle | null; maximized: boolean } {
  const parsed = windowStateSchema.safeParse(saved);
  const primary = workAreas[0];
  if (!parsed.success || !primary) return { bounds: null, maximized: false };
  const { bounds, maximized } = parsed.data;
  const titleBar = titleBarOf(bounds);
  const host = workAreas.find((area) => {
    const visible = overlap(titleBar, area);
    return visible.width >= Math.min(reachable.width, bounds.width) && visible.height >= Math.min(reachable.height, titleBar.height);
  });
  const area = host ?? primary;
  const width = Math.max(minimumWindowSize.width, Math.min(bounds.width, area.width));
  const height = Math.max(minimumWindowSize.height, Math.min(bounds.height, area.height));
  if (host) {
    // On screen but maybe larger than it, or hanging off an edge: pull it fully inside.
    const x = Math.min(Math.max(bounds.x, area.x), area.x + area.width - width);
    const y = Math.min(Math.max(bounds.y, area.y), area.y + area.height - height);
    return { bounds: { x, y, width, height }, maximized };
  }
  return {
    bounds: {
      x: Math.round(area.x + (area.width - width) / 2),
      y: Math.round(area.y + (area.height - height) / 2),
      width,
      height,
    },
    maximized,
  };
}
