import { describe, expect, it } from 'vitest';
import { idleCallState, type CallState } from './call-state';
import type { Language } from './languages';
import type { MiniView } from './mini-window';
import { MiniWindowController, miniWindowWanted, type MiniWindowPort } from './mini-window-controller';

const inCall: CallState = { state: 'in-call', muted: false, cameraOn: true, roomSlug: 'abc-defg-hij', sharing: false };

function setup(options: { enabled?: boolean } = {}) {
  const events: string[] = [];
  const sent: MiniView[] = [];
  let open = false;
  const port: MiniWindowPort = {
    open: () => {
      open = true;
      events.push('open');
    },
    close: () => {
      open = false;
      events.push('close');
    },
    isOpen: () => open,
    send: (view) => sent.push(view),
  };
  const state = { mainVisible: true, enabled: options.enabled ?? true, language: 'fr' as Language };
  const commands: string[] = [];
  const controller = new MiniWindowController(port, {
    enabled: () => state.enabled,
    mainWindowVisible: () => state.mainVisible,
    language: () => state.language,
    sendCommand: (command) => commands.push(command),
    showMain: () => {
      commands.push('show-main');
      state.mainVisible = true;
      controller.onMainWindowVisibilityChanged();
    },
  });
  const hideMain = () => {
    state.mainVisible = false;
    controller.onMainWindowVisibilityChanged();
  };
  const showMain = () => {
    state.mainVisible = true;
    controller.onMainWindowVisibilityChanged();
  };
  // The window goes away without the controller asking (its close box, the system).
  const userCloses = () => {
    open = false;
    controller.onClosedByUser();
  };
  return { controller, events, sent, commands, state, hideMain, showMain, userCloses, isOpen: () => open };
}

describe('miniWindowWanted', () => {
  it.each<[string, Parameters<typeof miniWindowWanted>[0], boolean]>([
    ['in a call with the main window hidden', { enabled: true, call: inCall, mainWindowVisible: false, dismissed: false }, true],
    ['with the main window in sight', { enabled: true, call: inCall, mainWindowVisible: true, dismissed: false }, false],
    ['turned off in the settings', { enabled: false, call: inCall, mainWindowVisible: false, dismissed: false }, false],
    ['closed by the user', { enabled: true, call: inCall, mainWindowVisible: false, dismissed: true }, false],
    ['in the lobby', { enabled: true, call: { ...inCall, state: 'lobby' }, mainWindowVisible: false, dismissed: false }, false],
    ['in the prejoin', { enabled: true, call: { ...inCall, state: 'prejoin' }, mainWindowVisible: false, dismissed: false }, false],
    ['out of any call', { enabled: true, call: idleCallState, mainWindowVisible: false, dismissed: false }, false],
  ])('%s → %s', (_label, conditions, expected) => {
    expect(miniWindowWanted(conditions)).toBe(expected);
  });
});

describe('MiniWindowController', () => {
  it('opens when the main window is hidden during a call and closes when it comes back', () => {
    const { controller, events, hideMain, showMain } = setup();
    controller.onCallState(inCall);
    expect(events).toEqual([]);
    hideMain();
    expect(events).toEqual(['open']);
    hideMain();
    expect(events).toEqual(['open']);
    showMain();
    expect(events).toEqual(['open', 'close']);
  });

  it('opens when a call starts while the main window is already hidden, closes when it ends', () => {
    const { controller, events, hideMain } = setup();
    hideMain();
    controller.onCallState({ ...inCall, state: 'lobby' });
    expect(events).toEqual([]);
    controller.onCallState(inCall);
    expect(events).toEqual(['open']);
    controller.onCallState(idleCallState);
    expect(events).toEqual(['open', 'close']);
  });

  it('never opens when turned off', () => {
    const { controller, events, hideMain } = setup({ enabled: false });
    controller.onCallState(inCall);
    hideMain();
    expect(events).toEqual([]);
  });

  it('sends the whole view once the page listens, then only changes', () => {
    const { controller, sent, hideMain } = setup();
    controller.onCallState(inCall);
    controller.onSpeaker({ name: 'Camille Martin', isLocal: false, participantCount: 3 });
    expect(sent).toEqual([]);
    hideMain();
    controller.onReady();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toEqual({
      language: 'fr',
      inCall: true,
      roomSlug: 'abc-defg-hij',
      muted: false,
      cameraOn: true,
      sharing: false,
      speaker: { name: 'Camille Martin', isLocal: false, participantCount: 3 },
    });
    controller.onSpeaker({ name: 'Camille Martin', isLocal: false, participantCount: 3 });
    expect(sent).toHaveLength(1);
    controller.onCallState({ ...inCall, muted: true });
    expect(sent.at(-1)?.muted).toBe(true);
    controller.onSpeaker({ name: 'Dominique', isLocal: false, participantCount: 4 });
    expect(sent.at(-1)?.speaker).toEqual({ name: 'Dominique', isLocal: false, participantCount: 4 });
    expect(sent).toHaveLength(3);
  });

  it('forgets the last speaker when the call ends', () => {
    const { controller, sent, hideMain } = setup();
    controller.onCallState(inCall);
    controller.onSpeaker({ name: 'Camille', isLocal: false, participantCount: 2 });
    controller.onCallState(idleCallState);
    hideMain();
    controller.onCallState(inCall);
    controller.onReady();
    expect(sent.at(-1)?.speaker.name).toBeNull();
  });

  it('stays away once the user closed it, until the main window has been seen again', () => {
    const { controller, events, hideMain, showMain, userCloses } = setup();
    controller.onCallState(inCall);
    hideMain();
    userCloses();
    controller.onCallState({ ...inCall, muted: true });
    hideMain();
    expect(events).toEqual(['open']);
    showMain();
    hideMain();
    expect(events).toEqual(['open', 'open']);
  });

  it('a window that goes with the end of the call is no refusal for the next call', () => {
    const { controller, events, hideMain, userCloses } = setup();
    controller.onCallState(inCall);
    hideMain();
    controller.onCallState({ ...inCall, state: 'idle' });
    userCloses();
    controller.onCallState(inCall);
    expect(events).toEqual(['open', 'close', 'open']);
  });

  it('routes the commands: call ones to the page, "show" to the main window (which closes the mini one)', () => {
    const { controller, commands, events, hideMain, isOpen } = setup();
    controller.onCallState(inCall);
    hideMain();
    controller.command('toggle-mic');
    controller.command('toggle-camera');
    controller.command('leave');
    expect(commands).toEqual(['toggle-mic', 'toggle-camera', 'leave']);
    controller.command('show-main');
    expect(commands.at(-1)).toBe('show-main');
    expect(isOpen()).toBe(false);
    expect(events).toEqual(['open', 'close']);
  });

  it('"show" closes the mini window at once, before the window system reports the main window shown', () => {
    const events: string[] = [];
    let open = false;
    let mainVisible = false;
    const controller = new MiniWindowController(
      {
        open: () => void (open = true),
        close: () => void ((open = false), events.push('close')),
        isOpen: () => open,
        send: () => undefined,
      },
      // showMain only asks: the main window's `show` event comes later, if ever.
      { enabled: () => true, mainWindowVisible: () => mainVisible, language: () => 'fr', sendCommand: () => undefined, showMain: () => void (mainVisible = true) },
    );
    controller.onCallState(inCall);
    expect(open).toBe(true);
    controller.command('show-main');
    expect(events).toEqual(['close']);
    expect(open).toBe(false);
  });

  it('drops a late call command once the call is over', () => {
    const { controller, commands } = setup();
    controller.command('toggle-mic');
    controller.onCallState(inCall);
    controller.onCallState(idleCallState);
    controller.command('leave');
    expect(commands).toEqual([]);
  });

  it('speaks the language of the settings at the time of sending', () => {
    const { controller, sent, hideMain, state } = setup();
    state.language = 'en';
    controller.onCallState(inCall);
    hideMain();
    controller.onReady();
    expect(sent.at(-1)?.language).toBe('en');
  });
});
