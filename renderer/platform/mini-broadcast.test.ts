import { describe, expect, it } from 'vitest';
import type { MiniView } from '../../common/mini-window';
import { initialsOf } from '../../common/mini-window';
import { BroadcastMiniHost, createBroadcastMiniApi, type BroadcastPort } from './mini-broadcast';

/** Two ends of one channel, delivering synchronously to the other end only (as BroadcastChannel does). */
function channelPair(): [BroadcastPort, BroadcastPort] {
  const listeners: Array<Set<(event: { data: unknown }) => void>> = [new Set(), new Set()];
  const end = (self: number): BroadcastPort => ({
    postMessage: (data) => {
      for (const listener of listeners[1 - self]!) listener({ data: structuredClone(data) });
    },
    addEventListener: (_type, listener) => listeners[self]!.add(listener),
    removeEventListener: (_type, listener) => listeners[self]!.delete(listener),
  });
  return [end(0), end(1)];
}

const inCall = { state: 'in-call' as const, muted: false, cameraOn: true, roomSlug: 'abc-defg-hij', sharing: false };

function setup() {
  const [hostEnd, miniEnd] = channelPair();
  let focused = 0;
  const host = new BroadcastMiniHost(hostEnd, () => 'en', () => focused++);
  const commands: string[] = [];
  host.onCommand(({ command }) => commands.push(command));
  const api = createBroadcastMiniApi(miniEnd);
  const views: MiniView[] = [];
  return { host, api, views, commands, miniEnd, focused: () => focused };
}

describe('mini window over a BroadcastChannel', () => {
  it('gives a page that opens late the current view, then every change', () => {
    const { host, api, views } = setup();
    host.callState(inCall);
    host.callSpeaker({ name: 'Camille Martin', isLocal: false, participantCount: 3 });
    api.onView((view) => views.push(view));
    expect(views).toEqual([
      {
        language: 'en',
        inCall: true,
        roomSlug: 'abc-defg-hij',
        muted: false,
        cameraOn: true,
        sharing: false,
        speaker: { name: 'Camille Martin', isLocal: false, participantCount: 3 },
      },
    ]);
    host.callState({ ...inCall, muted: true });
    expect(views.at(-1)?.muted).toBe(true);
    host.callState({ ...inCall, state: 'idle', roomSlug: null });
    expect(views.at(-1)).toMatchObject({ inCall: false, speaker: { name: null } });
  });

  it('relays call commands as the desktop would, and "show" to the page itself', async () => {
    const { host, api, commands, focused } = setup();
    host.callState(inCall);
    expect(await api.command('toggle-mic')).toEqual({ ok: true, value: null });
    await api.command('leave');
    await api.command('show-main');
    expect(commands).toEqual(['toggle-mic', 'leave']);
    expect(focused()).toBe(1);
  });

  it('ignores commands outside a call and messages it does not know', async () => {
    const { api, commands, miniEnd } = setup();
    await api.command('toggle-mic');
    miniEnd.postMessage({ type: 'command', command: 'backend:logout' });
    miniEnd.postMessage('leave');
    miniEnd.postMessage(null);
    expect(commands).toEqual([]);
  });
});

describe('initialsOf', () => {
  it.each([
    ['Camille Martin', 'CM'],
    ['jean-pierre durand', 'JD'],
    ['Zoé', 'ZO'],
    ['  ', '?'],
    [null, '?'],
    ['Élodie Ōtsuka', 'ÉŌ'],
  ])('%j → %s', (name, initials) => {
    expect(initialsOf(name)).toBe(initials);
  });
});
