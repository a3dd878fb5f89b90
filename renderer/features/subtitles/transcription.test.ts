import { describe, expect, it } from 'vitest';
import { applySegment, dropExpired, type SubtitleSegment } from './transcription';

const segment = (id: string, text: string, final: boolean, receivedAt = 0): SubtitleSegment => ({ id, text, final, receivedAt, speakerIdentity: 'bot', speakerName: 'Bot' });

describe('subtitles', () => {
  it('replaces interim text of a segment and keeps the final one', () => {
    let segments = applySegment([], segment('s1', 'bon', false));
    segments = applySegment(segments, segment('s1', 'bonjour', true));
    segments = applySegment(segments, segment('s1', 'bonj', false));
    expect(segments).toHaveLength(1);
    expect(segments[0]?.text).toBe('bonjour');
    expect(segments[0]?.final).toBe(true);
  });

  it('keeps only recent segments', () => {
    const segments = [segment('a', 'un', true, 0), segment('b', 'deux', true, 10_000)];
    expect(dropExpired(segments, 13_000).map((entry) => entry.id)).toEqual(['b']);
  });
});
