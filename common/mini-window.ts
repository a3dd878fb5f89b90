// The mini call window: the small always-on-top window shown while the main window is hidden
// during a call (the call page's floating window), and the mini call page a browser tab can
// follow a call with (one view in, one of four commands out, over a BroadcastChannel).
import type { InvokeInput } from './ipc-contract';
import type { Language } from './profile';

/**
 * The floating call window: the call page opens it with `window.open(floatingPagePath,
 * floatingWindowName)` and renders into it. On the desktop main allows exactly this window, and
 * only when it asked for it.
 */
export const floatingWindowName = 'visio-floating' as const;
export const floatingPagePath = '/floating.html' as const;

export const miniCommands = ['toggle-mic', 'toggle-camera', 'leave', 'show-main'] as const;
export type MiniCommand = (typeof miniCommands)[number];

/**
 * Who the call is about right now, as the main window reports it through `call:speaker`: the
 * display name of the last person who spoke (null before anyone did), whether that is the user,
 * and how many people are in the call, the user included.
 */
export type CallSpeaker = InvokeInput<'call:speaker'>;

export const noSpeaker: CallSpeaker = { name: null, isLocal: false, participantCount: 1 };

export interface MiniView {
  language: Language;
  /** A call is under way (not the prejoin or the lobby). */
  inCall: boolean;
  roomSlug: string | null;
  muted: boolean;
  cameraOn: boolean;
  sharing: boolean;
  speaker: CallSpeaker;
}

/** The view both the desktop (main process) and the browser stand-in compose the same way. */
export function miniViewOf(
  call: { state: string; roomSlug: string | null; muted: boolean; cameraOn: boolean; sharing: boolean },
  speaker: CallSpeaker,
  language: Language,
): MiniView {
  return {
    language,
    inCall: call.state === 'in-call',
    roomSlug: call.roomSlug,
    muted: call.muted,
    cameraOn: call.cameraOn,
    sharing: call.sharing,
    speaker: { ...speaker },
  };
}

/** Initials for the speaker's avatar: two letters at most, upper case; "?" when there is no name. */
export function initialsOf(name: string | null): string {
  const words = (name ?? '').trim().split(/[\s._-]+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const letters = words.length === 1 ? [...words[0]!].slice(0, 2) : [[...words[0]!][0], [...words[words.length - 1]!][0]];
  return letters.join('').toLocaleUpperCase('fr');
}

export interface MiniApi {
  command(command: MiniCommand): Promise<{ ok: true; value: null } | { ok: false; error: { code: string; detail?: string } }>;
  onView(listener: (view: MiniView) => void): () => void;
}
