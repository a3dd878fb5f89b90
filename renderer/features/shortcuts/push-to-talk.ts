// Hold V to talk while muted, as in Meet's web app: the microphone opens while the key is down
// and closes again when it is released (or when the window loses focus mid-press).
import type { KeyboardLike } from './shortcuts';

export interface TargetLike {
  tagName?: string;
  isContentEditable?: boolean;
  type?: string;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', '']);

/** True when the key press is typing in a field, where V is a letter, not a command. */
export function isTypingTarget(target: TargetLike | null | undefined): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  return tag === 'INPUT' && TEXT_INPUT_TYPES.has((target.type ?? '').toLowerCase());
}

export function isPushToTalkKey(event: KeyboardLike): boolean {
  return (event.code === 'KeyV' || event.key.toLowerCase() === 'v') && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey;
}

export interface PushToTalkPorts {
  microphoneEnabled(): boolean;
  setMicrophone(enabled: boolean): void;
}

export interface PushToTalk {
  keyDown(event: KeyboardLike & { repeat: boolean; target: TargetLike | null }): boolean;
  keyUp(event: KeyboardLike): boolean;
  release(): void;
}

/** The returned handlers tell whether they consumed the event (to prevent its default). */
export function createPushToTalk(ports: PushToTalkPorts): PushToTalk {
  let holding = false;
  const release = () => {
    if (!holding) return;
    holding = false;
    ports.setMicrophone(false);
  };
  return {
    keyDown(event) {
      if (!isPushToTalkKey(event) || isTypingTarget(event.target)) return false;
      if (holding) return true;
      if (event.repeat || ports.microphoneEnabled()) return false;
      holding = true;
      ports.setMicrophone(true);
      return true;
    },
    keyUp(event) {
      if (!holding || !isPushToTalkKey(event)) return false;
      release();
      return true;
    },
    release,
  };
}
