// Electron side of the connection report: the system's save dialog, attached to the main window,
// and the file written where the user said. Every decision is connection-report-saver.ts's.
import { writeFile } from 'node:fs/promises';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { Language } from '../../common/languages';
import { createReportSaver } from './connection-report-saver';

export function createElectronReportSaver(options: { language: () => Language; parent: () => BrowserWindow | null; report?(message: string): void }) {
  return createReportSaver({
    language: options.language,
    defaultFolder: () => app.getPath('downloads'),
    async chooseFile(question) {
      const dialogOptions: SaveDialogOptions = { ...question, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const parent = options.parent();
      const { canceled, filePath } = await (parent ? dialog.showSaveDialog(parent, dialogOptions) : dialog.showSaveDialog(dialogOptions));
      return canceled || !filePath ? null : filePath;
    },
    writeFile: (path, contents) => writeFile(path, contents, { encoding: 'utf8', mode: 0o600 }),
    ...(options.report ? { report: options.report } : {}),
  });
}
