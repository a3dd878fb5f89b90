// Splits a chat message into text and https links, so links can be opened through the desktop
// (never navigating the app window) and nothing else in a message is ever interpreted.
export type MessagePart = { kind: 'text'; text: string } | { kind: 'link'; url: string };

const LINK = /https:\/\/[^\s<>"']+/g;

export function splitMessageLinks(text: string): MessagePart[] {
  const parts: MessagePart[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    const start = match.index ?? 0;
    const url = match[0].replace(/[.,;:!?)]+$/, '');
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}
