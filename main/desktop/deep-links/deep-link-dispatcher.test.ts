import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../common/languages';
import { DeepLinkDispatcher, refusalMessage, type DeepLinkDispatcherPorts } from './deep-link-dispatcher';

function setup(language: Language = 'fr') {
  const ports = {
    config: { scheme: 'visio', meetingHosts: ['visio.example.gouv.fr'] },
    language: () => language,
    showWindow: vi.fn(),
    sendJoin: vi.fn(),
    notifyRefused: vi.fn(),
  } satisfies DeepLinkDispatcherPorts;
  return { ports, dispatcher: new DeepLinkDispatcher(ports) };
}

describe('DeepLinkDispatcher', () => {
  it('queues a first-start link until the renderer is ready, then joins it once', () => {
    const { ports, dispatcher } = setup();
    dispatcher.handleArgv(['/opt/Visio/visio', '--no-sandbox-is-not-ours', 'visio://join/abc-defg-hij']);
    expect(ports.showWindow).toHaveBeenCalledTimes(1);
    expect(ports.sendJoin).not.toHaveBeenCalled();
    dispatcher.markRendererReady();
    expect(ports.sendJoin).toHaveBeenCalledExactlyOnceWith('abc-defg-hij');
    dispatcher.markRendererReady();
    expect(ports.sendJoin).toHaveBeenCalledTimes(1);
  });

  it('joins at once when the renderer already listens (second instance, open-url)', () => {
    const { ports, dispatcher } = setup();
    dispatcher.markRendererReady();
    dispatcher.handleArgv(['C:\\Visio\\Visio.exe', 'https://visio.example.gouv.fr/xyz-abcd-efg']);
    dispatcher.handleLink('visio://abc-defg-hij');
    expect(ports.sendJoin.mock.calls).toEqual([['xyz-abcd-efg'], ['abc-defg-hij']]);
  });

  it('keeps only the latest link while the renderer is away', () => {
    const { ports, dispatcher } = setup();
    dispatcher.markRendererReady();
    dispatcher.markRendererGone();
    dispatcher.handleLink('visio://join/aaa-aaaa-aaa');
    dispatcher.handleLink('visio://join/bbb-bbbb-bbb');
    dispatcher.markRendererReady();
    expect(ports.sendJoin.mock.calls).toEqual([['bbb-bbbb-bbb']]);
  });

  it('refuses a hostile link with a clear message and does nothing else', () => {
    const { ports, dispatcher } = setup('fr');
    dispatcher.markRendererReady();
    dispatcher.handleArgv(['https://evil.example/abc-defg-hij']);
    expect(ports.sendJoin).not.toHaveBeenCalled();
    expect(ports.showWindow).not.toHaveBeenCalled();
    expect(ports.notifyRefused).toHaveBeenCalledExactlyOnceWith({
      title: 'Lien refusé',
      body: 'Le lien mène à un serveur qui n’est pas celui de votre organisation. Rien n’a été ouvert.',
    });
  });

  it('ignores arguments that are not links', () => {
    const { ports, dispatcher } = setup();
    dispatcher.handleArgv(['/usr/bin/visio', '.', '--enable-features=Foo', 'report.pdf']);
    expect(ports.notifyRefused).not.toHaveBeenCalled();
    expect(ports.showWindow).not.toHaveBeenCalled();
  });

  it('words refusals in English too', () => {
    expect(refusalMessage('credentials', 'en')).toEqual({
      title: 'Link refused',
      body: 'The link carries a user name or a password. Nothing was opened.',
    });
  });
});
