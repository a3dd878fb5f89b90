// Saves the main window's place in the user data folder (no secret in it) and puts it back.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { app, screen, type BrowserWindow } from 'electron';
import { restoreWindowState, type WindowState } from './window-state';

const fileName = 'window-state.json';

function statePath(): string {
  return path.join(app.getPath('userData'), fileName);
}

function readSaved(): unknown {
  try {
    return JSON.parse(readFileSync(statePath(), 'utf8'));
  } catch {
    return undefined;
  }
}

/** For the window's constructor options: where it should open, when something usable was saved. */
export function savedWindowPlacement(): ReturnType<typeof restoreWindowState> {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return restoreWindowState(readSaved(), [primary.workArea, ...others.map((display) => display.workArea)]);
}

export function installWindowState(window: BrowserWindow, options: { restoreNow: boolean }): () => void {
  if (options.restoreNow) {
    const placement = savedWindowPlacement();
    if (placement.bounds) window.setBounds(placement.bounds);
    if (placement.maximized) window.maximize();
  }
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const state: WindowState = { bounds: window.getNormalBounds(), maximized: window.isMaximized() };
    try {
      writeFileSync(statePath(), JSON.stringify(state));
    } catch {
      // A read-only profile folder only costs the remembered position.
    }
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('close', save);
  return () => {
    if (timer) clearTimeout(timer);
    if (window.isDestroyed()) return;
    window.off('resize', saveSoon);
    window.off('move', saveSoon);
    window.off('close', save);
  };
}
