import { describe, expect, it } from 'vitest';
import { formatMessageDate, formatMessageTime } from './chat-time';

describe('message times', () => {
  const afternoon = new Date(2026, 7, 3, 14, 5).getTime();

  it('follows each language’s conventions', () => {
    expect(formatMessageTime(afternoon, 'fr')).toBe('14:05');
    expect(formatMessageTime(afternoon, 'en')).toMatch(/^02:05\s?PM$/);
    expect(formatMessageTime(afternoon, 'de')).toBe('14:05');
    expect(formatMessageTime(afternoon, 'nl')).toBe('14:05');
  });

  it('writes the full date in words', () => {
    expect(formatMessageDate(afternoon, 'fr')).toContain('août');
    expect(formatMessageDate(afternoon, 'en')).toContain('August');
    expect(formatMessageDate(afternoon, 'de')).toMatch(/^Montag, 3\. August 2026/);
    expect(formatMessageDate(afternoon, 'nl')).toMatch(/^maandag 3 augustus 2026/);
  });
});
