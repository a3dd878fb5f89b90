// Electron side of the connection report: the system's save dialog, attached to the main window,
// and the file written where the user said. Every decision is connection-report-saver.ts's.
import { writeFile } from 'node:fs/promises';
import { app, type BrowserWindow } from 'electron';
import type { Language } from '../../common/languages';
import { electronSaveDialog } from '../files/electron-save-dialog';
import { createReportSaver } from './connection-report-saver';

export function createElectronReportSaver(options: { language: () => Language; parent: () => BrowserWindow | null; report?(message: string): void }) {
  return createReportSaver({
    language: options.language,
    defaultFolder: () => app.getPath('downloads'),
    chooseFile: electronSaveDialog(options.parent),
    writeFile: (path, contents) => writeFile(path, contents, { encoding: 'utf8', mode: 0o600 }),
    ...(options.report ? { report: options.report } : {}),
  });
}
