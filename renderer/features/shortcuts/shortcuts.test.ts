import { describe, expect, it } from 'vitest';
import { ariaKeyShortcuts, shortcutFor, shortcutKeys, type KeyboardLike } from './shortcuts';

const press = (key: string, code: string, modifiers: Partial<KeyboardLike> = {}): KeyboardLike => ({
  key,
  code,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers,
});

describe('shortcuts', () => {
  it('maps Meet shortcuts', () => {
    expect(shortcutFor(press('d', 'KeyD', { ctrlKey: true }))).toBe('toggleMicrophone');
    expect(shortcutFor(press('e', 'KeyE', { ctrlKey: true }))).toBe('toggleCamera');
    expect(shortcutFor(press('E', 'KeyE', { ctrlKey: true, shiftKey: true }))).toBe('toggleReactions');
    expect(shortcutFor(press('H', 'KeyH', { ctrlKey: true, shiftKey: true }))).toBe('toggleHand');
    expect(shortcutFor(press('M', 'KeyM', { metaKey: true, shiftKey: true }))).toBe('toggleChat');
    expect(shortcutFor(press('P', 'KeyP', { ctrlKey: true, shiftKey: true }))).toBe('toggleParticipants');
    expect(shortcutFor(press('?', 'Slash', { ctrlKey: true, shiftKey: true }))).toBe('showHelp');
    expect(shortcutFor(press('F2', 'F2'))).toBe('focusToolbar');
    expect(shortcutFor(press('F2', 'F2', { shiftKey: true }))).toBeNull();
  });

  it('ignores plain typing', () => {
    expect(shortcutFor(press('d', 'KeyD'))).toBeNull();
    expect(shortcutFor(press('d', 'KeyD', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('follows the physical key on non-QWERTY layouts', () => {
    expect(shortcutFor(press('q', 'KeyA', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('d', 'KeyD', { ctrlKey: true }))).toBe('toggleMicrophone');
  });
});

describe('shortcut keys shown on the controls', () => {
  it('gives the keys of an action, and their aria-keyshortcuts form', () => {
    expect(shortcutKeys('toggleMicrophone')).toBe('Ctrl+D');
    expect(ariaKeyShortcuts('Ctrl+Shift+/')).toBe('Control+Shift+/');
    expect(ariaKeyShortcuts('F2')).toBe('F2');
  });
});
