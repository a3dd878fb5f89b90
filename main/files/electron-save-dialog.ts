// Electron side of the save dialog: attached to the main window when there is one, able to create
// a folder, and asking before replacing a file.
import { dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { ChooseFile } from './save-dialog';

export function electronSaveDialog(parent: () => BrowserWindow | null): ChooseFile {
  return async (question) => {
    const options: SaveDialogOptions = { ...question, properties: ['createDirectory', 'showOverwriteConfirmation'] };
    const window = parent();
    const { canceled, filePath } = await (window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options));
    return canceled || !filePath ? null : filePath;
  };
}
