import { describe, expect, it } from 'vitest';
import type { IpcSender } from '../../ipc/ipc-router';
import { handleMiniCommand } from './mini-command';

describe('handleMiniCommand', () => {
  const miniId = 12;
  const trusted: IpcSender = { webContentsId: miniId, frameUrl: 'app://visio/mini.html', isMainFrame: true };
  const run = (payload: unknown, sender: IpcSender = trusted, currentId: number | null = miniId) => {
    const ran: string[] = [];
    const result = handleMiniCommand(payload, sender, { miniWindowId: () => currentId, run: (command) => ran.push(command) });
    return { result, ran };
  };

  it('runs a valid command from the mini window', () => {
    expect(run({ command: 'leave' })).toEqual({ result: { ok: true, value: null }, ran: ['leave'] });
  });

  it.each<[string, IpcSender, number | null]>([
    ['the main window', { ...trusted, webContentsId: 1 }, miniId],
    ['a sub-frame', { ...trusted, isMainFrame: false }, miniId],
    ['a foreign page', { ...trusted, frameUrl: 'https://evil.example/mini.html' }, miniId],
    ['a destroyed frame', { ...trusted, frameUrl: null }, miniId],
    ['a closed mini window', trusted, null],
  ])('refuses %s', (_label, sender, currentId) => {
    const { result, ran } = run({ command: 'toggle-mic' }, sender, currentId);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(ran).toEqual([]);
  });

  it.each([undefined, null, 'leave', { command: 'quit' }, { command: 'leave', extra: true }, { command: ['leave'] }])(
    'refuses the malformed payload %j',
    (payload) => {
      const { result, ran } = run(payload);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(ran).toEqual([]);
    },
  );
});
