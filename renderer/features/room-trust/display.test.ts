import { describe, expect, it } from 'vitest';
import { avatarColor, displayName, readRoomMetadata } from './display';
import { MAX_METADATA_CHARS, MAX_NAME_CHARS } from './limits';

describe('names and attributes on screen', () => {
  it('keeps a normal name, falls back to the identity, then to a question mark', () => {
    expect(displayName('Alice Durand', 'alice')).toBe('Alice Durand');
    expect(displayName('', 'alice')).toBe('alice');
    expect(displayName(undefined, undefined)).toBe('?');
  });

  it('cuts long names and removes control and bidi-override characters', () => {
    const long = displayName('é'.repeat(1000), 'x');
    expect([...long]).toHaveLength(MAX_NAME_CHARS);
    expect(long.endsWith('…')).toBe(true);
    expect(displayName('Alice\u202e\u0000\u200bDurand\n', 'x')).toBe('AliceDurand');
    expect(displayName('\u202e\u202e', 'mallory')).toBe('mallory');
  });

  it('keeps names with markup as plain text (React escapes it)', () => {
    expect(displayName('<script>alert(1)</script>', 'x')).toBe('<script>alert(1)</script>');
  });

  it('lets only plain colour values reach a style', () => {
    expect(avatarColor('hsl(210, 60%, 40%)')).toBe('hsl(210, 60%, 40%)');
    expect(avatarColor('#1a2B3c')).toBe('#1a2B3c');
    for (const hostile of [
      'red; background-image: url(https://evil.test/x.png)',
      'url(https://evil.test/)',
      'hsl(210, 60%, 40%); position: fixed',
      'expression(alert(1))',
      'var(--x)',
      '#12345',
      'hsl(210,60%,40%)'.repeat(10),
      undefined,
      '',
    ]) {
      expect(avatarColor(hostile)).toBeUndefined();
    }
  });

  it('reads room metadata only when it is a reasonable JSON object', () => {
    expect(readRoomMetadata('{"recording_status":"started"}')).toEqual({ recording_status: 'started' });
    expect(readRoomMetadata(undefined)).toBeNull();
    expect(readRoomMetadata('[1]')).toBeNull();
    expect(readRoomMetadata('{')).toBeNull();
    expect(readRoomMetadata(JSON.stringify({ padding: 'x'.repeat(MAX_METADATA_CHARS) }))).toBeNull();
  });
});
