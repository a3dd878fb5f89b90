// Meeting links' Electron wiring, against a stand-in for Electron: the scheme registration, the
// macOS links that arrive before the dispatcher exists, and later instances' arguments.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, fakeEvent, resetFakeElectron } from '../../testing/fake-electron';
import { DeepLinkDispatcher } from './deep-link-dispatcher';
import { installDeepLinks, listenForOpenUrl, registerScheme } from './electron-deep-links';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

function dispatcher() {
  const ports = { showWindow: vi.fn(), sendJoin: vi.fn(), notifyRefused: vi.fn() };
  const target = new DeepLinkDispatcher({ config: { scheme: 'visio', meetingHosts: ['visio.example.gouv.fr'] }, language: () => 'en', ...ports });
  target.markRendererReady();
  return { target, ...ports };
}

function openUrl(url: string) {
  const event = fakeEvent();
  app.emit('open-url', event, url);
  return event;
}

beforeEach(() => {
  resetFakeElectron();
});

describe('Electron deep links', () => {
  it('registers the profile’s scheme with the system', () => {
    registerScheme('visio-interieur');
    expect(app.setAsDefaultProtocolClient).toHaveBeenCalledWith('visio-interieur');
  });

  it('holds macOS links that arrive before the dispatcher, then hands them over once, at most ten', () => {
    listenForOpenUrl();
    expect(openUrl('visio://join/abc-defg-hij').defaultPrevented).toBe(true);
    for (let index = 0; index < 12; index += 1) openUrl('https://visio.example.gouv.fr/xyz-abcd-efg');

    const first = dispatcher();
    const uninstall = installDeepLinks(first.target);
    expect(first.sendJoin.mock.calls.map(([slug]) => slug)).toEqual(['abc-defg-hij', ...Array(9).fill('xyz-abcd-efg')]);
    uninstall();

    const second = dispatcher();
    installDeepLinks(second.target)();
    expect(second.sendJoin).not.toHaveBeenCalled();
  });

  it('sends later macOS links and later instances’ links straight to the dispatcher, refusing foreign ones', () => {
    listenForOpenUrl();
    const { target, sendJoin, notifyRefused, showWindow } = dispatcher();
    const uninstall = installDeepLinks(target);

    openUrl('visio://join/abc-defg-hij');
    app.emit('second-instance', fakeEvent(), ['/opt/visio/visio', '--no-sandbox', 'https://visio.example.gouv.fr/klm-nopq-rst']);
    app.emit('second-instance', fakeEvent(), ['/opt/visio/visio', 'https://evil.example/abc-defg-hij']);
    expect(sendJoin.mock.calls).toEqual([['abc-defg-hij'], ['klm-nopq-rst']]);
    expect(showWindow).toHaveBeenCalledTimes(2);
    expect(notifyRefused).toHaveBeenCalledWith(expect.objectContaining({ title: 'Link refused' }));

    uninstall();
    expect(app.listenerCount('second-instance')).toBe(0);
    // After uninstall, macOS links wait again for the next dispatcher.
    openUrl('visio://join/uvw-xyza-bcd');
    expect(sendJoin).toHaveBeenCalledTimes(2);
    const next = dispatcher();
    installDeepLinks(next.target)();
    expect(next.sendJoin).toHaveBeenCalledWith('uvw-xyza-bcd');
  });
});
