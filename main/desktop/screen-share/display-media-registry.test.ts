import { describe, expect, it, vi } from 'vitest';
import type { CaptureSource, MainEvents } from '../../../common/ipc-contract';
import { capturePlatformOf } from './capture-platform';
import {
  DisplayMediaRegistry,
  pickerTimeoutMilliseconds,
  type DisplayMediaGrant,
  type DisplayMediaPorts,
  type ScreenAccess,
} from './display-media-registry';

const appOrigin = 'app://visio';

function source(id: string, kind: 'screen' | 'window' = 'window'): CaptureSource {
  return { id, name: `name of ${id}`, kind, thumbnailDataUrl: 'data:image/png;base64,AA==', iconDataUrl: null };
}

type SentEvent = { event: keyof MainEvents; payload: unknown };

function setup(options: { platform?: string; env?: Record<string, string>; sources?: CaptureSource[]; access?: ScreenAccess; audioAllowed?: boolean } = {}) {
  const sent: SentEvent[] = [];
  const timers = new Map<number, () => void>();
  let nextTimer = 1;
  let nextRequest = 1;
  const explain = vi.fn();
  const listSources = vi.fn(async () => options.sources ?? [source('screen:0:0', 'screen'), source('window:42:0'), source('window:7:0')]);
  const ports: DisplayMediaPorts = {
    platform: capturePlatformOf({ platform: options.platform ?? 'linux', env: options.env ?? { XDG_SESSION_TYPE: 'x11' } }),
    listSources,
    ownWindowSourceIds: () => ['window:7:0'],
    isTrustedOrigin: (origin) => origin === appOrigin,
    shareAudioAllowed: () => options.audioAllowed ?? true,
    screenAccess: () => options.access ?? 'granted',
    explainScreenAccessDenied: explain,
    sendToRenderer: (event, payload) => sent.push({ event, payload }),
    newRequestId: () => `request-${nextRequest++}`,
    setTimer: (callback) => {
      const id = nextTimer++;
      timers.set(id, callback);
      return id;
    },
    clearTimer: (timer) => timers.delete(timer as number),
  };
  const registry = new DisplayMediaRegistry(ports);
  const request = (audioRequested = false, securityOrigin = appOrigin) => {
    const settle = vi.fn<(grant: DisplayMediaGrant | null) => void>();
    const done = registry.handleRequest({ securityOrigin, audioRequested }, settle);
    return { settle, done };
  };
  return { registry, sent, timers, explain, listSources, request };
}

describe('DisplayMediaRegistry', () => {
  it('offers screens and windows except our own, then grants the chosen one', async () => {
    const { registry, sent, request } = setup();
    const { settle, done } = request();
    await done;
    expect(settle).not.toHaveBeenCalled();
    expect(sent).toHaveLength(1);
    const asked = sent[0]!.payload as MainEvents['event:capture-request'];
    expect(sent[0]!.event).toBe('event:capture-request');
    expect(asked.sources.map((offered) => offered.id)).toEqual(['screen:0:0', 'window:42:0']);
    expect(asked.audioAvailable).toBe(false);

    expect(registry.choose({ requestId: asked.requestId, sourceId: 'window:42:0', audio: false })).toEqual({ ok: true, value: null });
    expect(settle).toHaveBeenCalledExactlyOnceWith({ video: { id: 'window:42:0', name: 'name of window:42:0' } });
    expect(registry.pendingCount()).toBe(0);
  });

  it('keeps concurrent requests apart and settles each with its own choice', async () => {
    const { registry, sent, request } = setup();
    const first = request();
    const second = request();
    await Promise.all([first.done, second.done]);
    const [firstId, secondId] = sent.map((entry) => (entry.payload as MainEvents['event:capture-request']).requestId);
    expect(firstId).not.toBe(secondId);
    expect(registry.pendingCount()).toBe(2);

    registry.choose({ requestId: secondId!, sourceId: 'screen:0:0', audio: false });
    expect(second.settle).toHaveBeenCalledWith({ video: { id: 'screen:0:0', name: 'name of screen:0:0' } });
    expect(first.settle).not.toHaveBeenCalled();

    registry.choose({ requestId: firstId!, sourceId: null, audio: false });
    expect(first.settle).toHaveBeenCalledWith(null);
    expect(registry.pendingCount()).toBe(0);
  });

  it('refuses an id that was not offered, and our own window, and leaves the request pending', async () => {
    const { registry, sent, request } = setup();
    const { settle, done } = request();
    await done;
    const { requestId } = sent[0]!.payload as MainEvents['event:capture-request'];
    expect(registry.choose({ requestId, sourceId: 'window:999:0', audio: false })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(registry.choose({ requestId, sourceId: 'window:7:0', audio: false })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(settle).not.toHaveBeenCalled();
    expect(registry.pendingCount()).toBe(1);
  });

  it('refuses a choice for an unknown or already settled request', async () => {
    const { registry, sent, request } = setup();
    const { settle, done } = request();
    await done;
    const { requestId } = sent[0]!.payload as MainEvents['event:capture-request'];
    registry.choose({ requestId, sourceId: 'screen:0:0', audio: false });
    expect(registry.choose({ requestId, sourceId: 'screen:0:0', audio: false })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(registry.choose({ requestId: 'made-up', sourceId: 'screen:0:0', audio: false })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(settle).toHaveBeenCalledTimes(1);
  });

  it('settles every pending request when the window closes', async () => {
    const { registry, sent, request } = setup();
    const first = request();
    const second = request();
    await Promise.all([first.done, second.done]);
    registry.cancelAll('window-closed');
    expect(first.settle).toHaveBeenCalledWith(null);
    expect(second.settle).toHaveBeenCalledWith(null);
    expect(registry.pendingCount()).toBe(0);
    expect(sent.filter((entry) => entry.event === 'event:capture-cancelled')).toHaveLength(2);
  });

  it('settles a request nobody answers when the picker times out', async () => {
    const { sent, timers, request } = setup();
    const { settle, done } = request();
    await done;
    expect(timers.size).toBe(1);
    [...timers.values()][0]!();
    expect(settle).toHaveBeenCalledWith(null);
    const { requestId } = sent[0]!.payload as MainEvents['event:capture-request'];
    expect(sent[1]).toEqual({ event: 'event:capture-cancelled', payload: { requestId } });
    expect(pickerTimeoutMilliseconds).toBeGreaterThan(10_000);
  });

  it('clears the timeout once the request is settled', async () => {
    const { registry, sent, timers, request } = setup();
    const { done } = request();
    await done;
    const { requestId } = sent[0]!.payload as MainEvents['event:capture-request'];
    registry.choose({ requestId, sourceId: null, audio: false });
    expect(timers.size).toBe(0);
  });

  it('on Wayland lets the portal pick and never shows our picker', async () => {
    const { sent, request, listSources } = setup({ env: { XDG_SESSION_TYPE: 'wayland' }, sources: [source('window:1:0')] });
    const { settle, done } = request();
    await done;
    expect(listSources).toHaveBeenCalledTimes(1);
    expect(sent).toEqual([]);
    expect(settle).toHaveBeenCalledWith({ video: { id: 'window:1:0', name: 'name of window:1:0' } });
  });

  it('on Wayland settles with nothing when the portal is cancelled', async () => {
    const { sent, request } = setup({ env: { XDG_SESSION_TYPE: 'wayland' }, sources: [] });
    const { settle, done } = request();
    await done;
    expect(sent).toEqual([]);
    expect(settle).toHaveBeenCalledWith(null);
  });

  it('offers the computer sound on Windows only, and only when asked and allowed', async () => {
    const windows = setup({ platform: 'win32' });
    await windows.request(true).done;
    const offered = windows.sent[0]!.payload as MainEvents['event:capture-request'];
    expect(offered.audioAvailable).toBe(true);
    const settled = windows.registry.choose({ requestId: offered.requestId, sourceId: 'screen:0:0', audio: true });
    expect(settled.ok).toBe(true);

    const mac = setup({ platform: 'darwin' });
    const { settle, done } = mac.request(true);
    await done;
    const macOffer = mac.sent[0]!.payload as MainEvents['event:capture-request'];
    expect(macOffer.audioAvailable).toBe(false);
    expect(mac.registry.choose({ requestId: macOffer.requestId, sourceId: 'screen:0:0', audio: true }).ok).toBe(false);
    expect(settle).not.toHaveBeenCalled();

    const policyOff = setup({ platform: 'win32', audioAllowed: false });
    await policyOff.request(true).done;
    expect((policyOff.sent[0]!.payload as MainEvents['event:capture-request']).audioAvailable).toBe(false);
  });

  it('grants loopback sound when it was offered and chosen', async () => {
    const { registry, sent, request } = setup({ platform: 'win32' });
    const { settle, done } = request(true);
    await done;
    const { requestId } = sent[0]!.payload as MainEvents['event:capture-request'];
    registry.choose({ requestId, sourceId: 'screen:0:0', audio: true });
    expect(settle).toHaveBeenCalledWith({ video: { id: 'screen:0:0', name: 'name of screen:0:0' }, audio: 'loopback' });
  });

  it('explains and refuses when macOS denies screen recording', async () => {
    const { sent, request, explain, listSources } = setup({ platform: 'darwin', access: 'denied' });
    const { settle, done } = request();
    await done;
    expect(explain).toHaveBeenCalledTimes(1);
    expect(listSources).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(settle).toHaveBeenCalledWith(null);
  });

  it('refuses a request from a foreign origin without listing sources', async () => {
    const { request, listSources, sent } = setup();
    const { settle, done } = request(false, 'https://evil.example');
    await done;
    expect(settle).toHaveBeenCalledWith(null);
    expect(listSources).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
  });

  it('settles with nothing when the sources cannot be listed', async () => {
    const { registry, request, listSources } = setup();
    listSources.mockRejectedValueOnce(new Error('capturer failed'));
    const { settle, done } = request();
    await done;
    expect(settle).toHaveBeenCalledWith(null);
    expect(registry.pendingCount()).toBe(0);
  });
});
