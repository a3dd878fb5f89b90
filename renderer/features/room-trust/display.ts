// What others' names and attributes may become on screen: text only (React escapes it), cut
// to a length a tile can hold, without control or bidirectional-override characters; a
// colour only when it is a plain colour value, so nothing the sender writes reaches CSS.
import { INVISIBLE_CHARACTERS as INVISIBLE } from '../../../common/invisible-characters';
import { MAX_METADATA_CHARS, MAX_NAME_CHARS } from './limits';

export function displayName(name: string | undefined, identity: string | undefined): string {
  const cleaned = (name ?? '').replace(INVISIBLE, '').trim() || (identity ?? '').replace(INVISIBLE, '').trim() || '?';
  const characters = [...cleaned];
  return characters.length > MAX_NAME_CHARS ? `${characters.slice(0, MAX_NAME_CHARS - 1).join('')}…` : cleaned;
}

const NUMBER = String.raw`\d{1,3}(?:\.\d{1,3})?`;
const HSL = new RegExp(String.raw`^hsl\(\s*${NUMBER}(?:deg)?\s*,\s*${NUMBER}%\s*,\s*${NUMBER}%\s*\)$`);
const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

export function avatarColor(color: string | undefined): string | undefined {
  if (!color || color.length > 40) return undefined;
  return HSL.test(color) || HEX.test(color) ? color : undefined;
}

/** The room metadata the backend writes, as a JSON object; null when absent, too large or not one. */
export function readRoomMetadata(metadata: string | undefined): Record<string, unknown> | null {
  if (!metadata || metadata.length > MAX_METADATA_CHARS) return null;
  try {
    const value: unknown = JSON.parse(metadata);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** A participant's name as shown: their name, else their identity, cleaned and cut. */
export function participantDisplayName(participant: { name?: string; identity?: string } | undefined): string {
  return displayName(participant?.name, participant?.identity);
}
