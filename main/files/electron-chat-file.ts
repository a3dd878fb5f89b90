// Electron side of saving a chat file: the system's save dialog and the file written where the
// user said, readable by them only. Every decision is chat-file-saver.ts's.
import { writeFile } from 'node:fs/promises';
import { app, type BrowserWindow } from 'electron';
import type { ChatFilesPolicy } from '../../common/chat-files';
import type { Language } from '../../common/languages';
import { createChatFileSaver } from './chat-file-saver';
import { electronSaveDialog } from './electron-save-dialog';

export function createElectronChatFileSaver(options: {
  language: () => Language;
  policy: () => ChatFilesPolicy;
  parent: () => BrowserWindow | null;
  report?(message: string): void;
}) {
  return createChatFileSaver({
    language: options.language,
    policy: options.policy,
    defaultFolder: () => app.getPath('downloads'),
    chooseFile: electronSaveDialog(options.parent),
    writeFile: (path, contents) => writeFile(path, contents, { mode: 0o600 }),
    ...(options.report ? { report: options.report } : {}),
  });
}
