// Saving a chat file from Electron, against a stand-in for Electron's dialog and a real temporary
// folder: main checks the file against the chat files setting before any dialog, proposes its
// cleaned name in the downloads folder, and writes the bytes only where the user confirmed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultChatFilesPolicy, type ChatFilesPolicy } from '../../common/chat-files';
import { app, asElectron, dialog, FakeBrowserWindow, resetFakeElectron } from '../testing/fake-electron';
import { createElectronChatFileSaver } from './electron-chat-file';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]);
let folder: string;

beforeEach(() => {
  resetFakeElectron();
  folder = mkdtempSync(join(tmpdir(), 'visio-chat-file-'));
  app.setPath('downloads', folder);
});

afterEach(() => rmSync(folder, { recursive: true, force: true }));

function saver(policy: ChatFilesPolicy = defaultChatFilesPolicy, window: FakeBrowserWindow | null = null) {
  return createElectronChatFileSaver({ language: () => 'fr', policy: () => policy, parent: () => (window ? asElectron.window(window) : null) });
}

describe('saving a chat file from Electron', () => {
  it('asks where, with the cleaned name, and writes the bytes there', async () => {
    const window = new FakeBrowserWindow();
    const target = join(folder, 'choisi.pdf');
    dialog.showSaveDialog.mockImplementation(async () => ({ canceled: false, filePath: target }));

    expect(await saver(defaultChatFilesPolicy, window)({ name: '../../rapport\u202E.pdf', mimeType: 'application/pdf', contents: bytes })).toEqual({ ok: true, value: null });

    const [parent, options] = dialog.showSaveDialog.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(options).toMatchObject({
      title: 'Enregistrer « rapport.pdf »',
      defaultPath: join(folder, 'rapport.pdf'),
      filters: [{ name: 'Fichier PDF', extensions: ['pdf'] }],
    });
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes);
  });

  it('refuses, without a dialog, a file the setting does not allow', async () => {
    const save = saver();
    expect(await save({ name: 'outil.pdf.exe', mimeType: 'application/pdf', contents: bytes })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    // Within the default size, the dialog opens (and is closed here).
    expect(await save({ name: 'gros.pdf', mimeType: 'application/pdf', contents: new Uint8Array(11) })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    const small = saver({ ...defaultChatFilesPolicy, maxSizeBytes: 10 });
    expect(await small({ name: 'gros.pdf', mimeType: 'application/pdf', contents: new Uint8Array(11) })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const off = saver({ ...defaultChatFilesPolicy, enabled: false });
    expect(await off({ name: 'rapport.pdf', mimeType: 'application/pdf', contents: bytes })).toMatchObject({ ok: false, error: { code: 'locked_by_policy' } });
    expect(dialog.showSaveDialog).toHaveBeenCalledTimes(1);
  });

  it('writes nothing and answers `cancelled` when the user closes the dialog', async () => {
    expect(await saver()({ name: 'rapport.pdf', mimeType: 'application/pdf', contents: bytes })).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(readdirSync(folder)).toEqual([]);
  });
});
