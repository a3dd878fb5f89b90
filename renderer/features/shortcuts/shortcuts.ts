// Meet's web app shortcuts, so habits carry over.
export type ShortcutAction = 'toggleMicrophone' | 'toggleCamera' | 'toggleHand' | 'toggleChat' | 'toggleParticipants' | 'toggleReactions' | 'showHelp' | 'focusToolbar';

export interface Shortcut {
  action: ShortcutAction;
  /** As shown in the help dialog and in `aria-keyshortcuts`. */
  keys: string;
  matches(event: KeyboardLike): boolean;
}

export interface KeyboardLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

const primary = (event: KeyboardLike) => (event.ctrlKey || event.metaKey) && !event.altKey;
const letter = (event: KeyboardLike, value: string) => event.code === `Key${value.toUpperCase()}` || event.key.toLowerCase() === value;

export const shortcuts: readonly Shortcut[] = [
  { action: 'toggleMicrophone', keys: 'Ctrl+D', matches: (event) => primary(event) && !event.shiftKey && letter(event, 'd') },
  { action: 'toggleCamera', keys: 'Ctrl+E', matches: (event) => primary(event) && !event.shiftKey && letter(event, 'e') },
  { action: 'toggleHand', keys: 'Ctrl+Shift+H', matches: (event) => primary(event) && event.shiftKey && letter(event, 'h') },
  { action: 'toggleChat', keys: 'Ctrl+Shift+M', matches: (event) => primary(event) && event.shiftKey && letter(event, 'm') },
  { action: 'toggleParticipants', keys: 'Ctrl+Shift+P', matches: (event) => primary(event) && event.shiftKey && letter(event, 'p') },
  { action: 'toggleReactions', keys: 'Ctrl+Shift+E', matches: (event) => primary(event) && event.shiftKey && letter(event, 'e') },
  {
    action: 'showHelp',
    keys: 'Ctrl+Shift+/',
    matches: (event) => primary(event) && (event.code === 'Slash' || event.key === '/' || event.key === '?'),
  },
  { action: 'focusToolbar', keys: 'F2', matches: (event) => event.key === 'F2' && !event.ctrlKey && !event.metaKey && !event.altKey && !event.shiftKey },
];

/** Keys held rather than pressed, handled apart (see push-to-talk.ts); listed in the help. */
export const heldShortcuts: readonly { action: 'pushToTalk'; keys: string }[] = [{ action: 'pushToTalk', keys: 'V' }];

export function shortcutFor(event: KeyboardLike): ShortcutAction | null {
  return shortcuts.find((shortcut) => shortcut.matches(event))?.action ?? null;
}

/** The keys of an action as shown to the user (help, tooltips), e.g. "Ctrl+D". */
export function shortcutKeys(action: ShortcutAction): string | undefined {
  return shortcuts.find((shortcut) => shortcut.action === action)?.keys;
}

/** The same keys in the form `aria-keyshortcuts` expects ("Control+D"). */
export function ariaKeyShortcuts(keys: string): string {
  return keys.replace(/\bCtrl\b/g, 'Control');
}
