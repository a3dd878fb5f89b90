import { describe, expect, it } from 'vitest';
import { splitMessageLinks } from './message-links';

describe('splitMessageLinks', () => {
  it('finds https links and leaves trailing punctuation out', () => {
    expect(splitMessageLinks('voir https://example.org/a?b=1. merci')).toEqual([
      { kind: 'text', text: 'voir ' },
      { kind: 'link', url: 'https://example.org/a?b=1' },
      { kind: 'text', text: '. merci' },
    ]);
  });

  it('does not turn other schemes into links', () => {
    expect(splitMessageLinks('javascript:alert(1) http://x.org')).toEqual([{ kind: 'text', text: 'javascript:alert(1) http://x.org' }]);
  });
});
