import { describe, expect, it } from 'vitest';
import { restoreWindowState } from './window-state';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const secondary = { x: 1920, y: 0, width: 1280, height: 1000 };

describe('restoreWindowState', () => {
  it('puts the window back where it was on a screen that still exists', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximized: false };
    expect(restoreWindowState(saved, [primary, secondary])).toEqual(saved);
  });

  it('brings a window from an unplugged screen back to the centre of the primary one', () => {
    const saved = { bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximized: true };
    expect(restoreWindowState(saved, [primary])).toEqual({ bounds: { x: 460, y: 170, width: 1000, height: 700 }, maximized: true });
  });

  it('shrinks a window larger than its screen and pulls it inside', () => {
    const saved = { bounds: { x: 1800, y: -5, width: 3000, height: 2000 }, maximized: false };
    expect(restoreWindowState(saved, [primary])).toEqual({ bounds: { x: 0, y: 0, width: 1920, height: 1040 }, maximized: false });
  });

  it('ignores a saved state that is missing or malformed', () => {
    expect(restoreWindowState(undefined, [primary])).toEqual({ bounds: null, maximized: false });
    expect(restoreWindowState({ bounds: { x: 'a' } }, [primary])).toEqual({ bounds: null, maximized: false });
    expect(restoreWindowState({ bounds: { x: 0, y: 0, width: 800, height: 600 }, maximized: false }, [])).toEqual({ bounds: null, maximized: false });
  });

  it('keeps a window that only its title bar makes reachable', () => {
    const saved = { bounds: { x: 100, y: 1000, width: 800, height: 600 }, maximized: false };
    const restored = restoreWindowState(saved, [primary]);
    expect(restored.bounds).toEqual({ x: 100, y: 440, width: 800, height: 600 });
  });
});
