import { describe, expect, it } from 'vitest';
import { formatMessageDate, formatMessageTime } from './chat-time';

describe('message times', () => {
  const afternoon = new Date(2026, 7, 3, 14, 5).getTime();

  it('follows each language’s conventions', () => {
    expect(formatMessageTime(afternoon, 'fr')).toBe('14:05');
    expect(formatMessageTime(afternoon, 'en')).toMatch(/^02:05\s?PM$/);
  });

  it('writes the full date in words', () => {
    expect(formatMessageDate(afternoon, 'fr')).toContain('août');
    expect(formatMessageDate(afternoon, 'en')).toContain('August');
  });
});
