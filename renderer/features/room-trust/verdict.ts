export type DropReason = 'sender' | 'size' | 'malformed' | 'unknown-type' | 'track-owner' | 'rate' | 'unlinked';

export type Verdict<T> = { accepted: true; value: T } | { accepted: false; reason: DropReason };

export const accept = <T>(value: T): Verdict<T> => ({ accepted: true, value });
export const drop = <T = never>(reason: DropReason): Verdict<T> => ({ accepted: false, reason });

/** JSON from bytes, or undefined when the bytes are too many or not JSON. */
export function decodeJson(payload: Uint8Array, maxBytes: number): { ok: true; value: unknown } | { ok: false; reason: DropReason } {
  if (payload.byteLength > maxBytes) return { ok: false, reason: 'size' };
  try {
    return { ok: true, value: JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as unknown };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
