// The external opener against a stand-in for Electron: the policy first, then a question naming
// the real host before an intranet, loopback or look-alike link goes anywhere.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { asElectron, dialog, FakeBrowserWindow, resetFakeElectron, shell } from '../testing/fake-electron';
import { createExternalOpener } from './electron-open-external';

vi.mock('electron', async () => (await import('../testing/fake-electron')).fakeElectron);

beforeEach(() => {
  resetFakeElectron();
});

/** The user's answer: 0 is Cancel (the default), 1 is Open. */
function answer(response: number): void {
  dialog.showMessageBox.mockResolvedValue({ response, checkboxChecked: false });
}

describe('external opener', () => {
  it('opens a public https link at once, without a question', async () => {
    const open = createExternalOpener({ language: () => 'fr', parent: () => null });
    await expect(open('https://www.numerique.gouv.fr/')).resolves.toEqual({ opened: true });
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledWith('https://www.numerique.gouv.fr/');
  });

  it('refuses what the policy refuses, and opens mailto cut down', async () => {
    const open = createExternalOpener({ language: () => 'fr', parent: () => null });
    await expect(open('file:///etc/passwd')).resolves.toEqual({ opened: false, reason: 'scheme' });
    await open('mailto:agent@visio.gouv.fr?attach=/home/agent/.ssh/id_rsa&subject=Bonjour');
    expect(shell.openExternal.mock.calls).toEqual([['mailto:agent@visio.gouv.fr?subject=Bonjour']]);
  });

  it('asks, over the main window, before a loopback link, and opens nothing when the user cancels', async () => {
    const window = new FakeBrowserWindow();
    answer(0);
    const open = createExternalOpener({ language: () => 'fr', parent: () => asElectron.window(window) });
    await expect(open('https://127.0.0.1:9000/reset')).resolves.toEqual({ opened: false, reason: 'declined' });
    const [parent, question] = dialog.showMessageBox.mock.calls[0] ?? [];
    expect(parent).toBe(window);
    expect(question).toMatchObject({
      type: 'warning',
      message: expect.stringContaining('127.0.0.1'),
      buttons: ['Annuler', 'Ouvrir le lien'],
      defaultId: 0,
      cancelId: 0,
    });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('names the real host of a look-alike link, in English too, and opens it when the user agrees', async () => {
    answer(1);
    const open = createExternalOpener({ language: () => 'en', parent: () => null });
    await expect(open('https://vіsio.gouv.fr/abc-defg-hij')).resolves.toEqual({ opened: true });
    const [question] = dialog.showMessageBox.mock.calls[0] ?? [];
    expect(question).toMatchObject({ message: expect.stringMatching(/leads to the site xn--/), buttons: ['Cancel', 'Open link'] });
    expect(shell.openExternal).toHaveBeenCalledWith(expect.stringMatching(/^https:\/\/xn--/));
  });
});
