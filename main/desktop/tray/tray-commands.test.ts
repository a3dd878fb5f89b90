import { describe, expect, it, vi } from 'vitest';
import { runTrayCommand, type TrayCommandPorts } from './tray-commands';
import { trayIconBitmap } from './tray-icon-bitmap';

function ports() {
  return { showWindow: vi.fn(), send: vi.fn(), restartToUpdate: vi.fn(), quit: vi.fn() } satisfies TrayCommandPorts;
}

describe('tray commands', () => {
  it('joins a meeting of the day through its prejoin', () => {
    const target = ports();
    runTrayCommand({ type: 'join-meeting', slug: 'abc-defg-hij' }, target);
    expect(target.showWindow).toHaveBeenCalledTimes(1);
    expect(target.send).toHaveBeenCalledExactlyOnceWith('event:join', { slug: 'abc-defg-hij' });
  });

  it('sends mute and leave to the renderer without showing the window', () => {
    const target = ports();
    runTrayCommand({ type: 'toggle-mic' }, target);
    runTrayCommand({ type: 'leave' }, target);
    expect(target.send.mock.calls).toEqual([
      ['event:command', { command: 'toggle-mic' }],
      ['event:command', { command: 'leave' }],
    ]);
    expect(target.showWindow).not.toHaveBeenCalled();
  });

  it('shows the window for join by link, restarts and quits on request', () => {
    const target = ports();
    runTrayCommand({ type: 'join-by-link' }, target);
    runTrayCommand({ type: 'restart-to-update' }, target);
    runTrayCommand({ type: 'quit' }, target);
    expect(target.showWindow).toHaveBeenCalledTimes(1);
    expect(target.restartToUpdate).toHaveBeenCalledTimes(1);
    expect(target.quit).toHaveBeenCalledTimes(1);
  });

  it('draws an opaque centre and transparent corners', () => {
    const bitmap = trayIconBitmap('idle', 16);
    expect(bitmap).toHaveLength(16 * 16 * 4);
    expect(bitmap[3]).toBe(0);
    const centre = (8 * 16 + 8) * 4;
    expect(bitmap[centre + 3]).toBe(255);
    expect(bitmap[centre]).toBe(0x91);
    const muted = trayIconBitmap('muted', 16);
    expect(muted[centre]).toBe(0xff);
  });
});
