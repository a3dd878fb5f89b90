import { describe, expect, it } from 'vitest';
import { createPushToTalk, isTypingTarget } from './push-to-talk';

const key = (code: string, extra: Partial<{ repeat: boolean; ctrlKey: boolean; target: { tagName: string; type?: string } | null }> = {}) => ({
  key: code === 'KeyV' ? 'v' : 'x',
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  repeat: false,
  target: { tagName: 'BODY' },
  ...extra,
});

function harness(initiallyOn = false) {
  let microphone = initiallyOn;
  const calls: boolean[] = [];
  const pushToTalk = createPushToTalk({
    microphoneEnabled: () => microphone,
    setMicrophone: (enabled) => {
      microphone = enabled;
      calls.push(enabled);
    },
  });
  return { pushToTalk, calls };
}

describe('push to talk', () => {
  it('opens the microphone while V is held and closes it on release', () => {
    const { pushToTalk, calls } = harness();
    expect(pushToTalk.keyDown(key('KeyV'))).toBe(true);
    expect(pushToTalk.keyDown(key('KeyV', { repeat: true }))).toBe(true);
    expect(pushToTalk.keyUp(key('KeyV'))).toBe(true);
    expect(calls).toEqual([true, false]);
  });

  it('does nothing when the microphone is already on, or while typing', () => {
    const on = harness(true);
    expect(on.pushToTalk.keyDown(key('KeyV'))).toBe(false);
    expect(on.pushToTalk.keyUp(key('KeyV'))).toBe(false);
    expect(on.calls).toEqual([]);
    const typing = harness();
    expect(typing.pushToTalk.keyDown(key('KeyV', { target: { tagName: 'TEXTAREA' } }))).toBe(false);
    expect(typing.pushToTalk.keyDown(key('KeyV', { ctrlKey: true }))).toBe(false);
    expect(typing.calls).toEqual([]);
  });

  it('closes the microphone when the window loses focus mid-press', () => {
    const { pushToTalk, calls } = harness();
    pushToTalk.keyDown(key('KeyV'));
    pushToTalk.release();
    pushToTalk.release();
    expect(calls).toEqual([true, false]);
  });

  it('knows text fields from buttons', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' })).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' })).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: true })).toBe(true);
    expect(isTypingTarget({ tagName: 'BUTTON' })).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});
