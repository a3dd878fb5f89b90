import { describe, expect, it } from 'vitest';
import { raisedHandsInOrder } from './hand';

describe('raisedHandsInOrder', () => {
  it('orders hands by the time they were raised and leaves lowered ones out', () => {
    const people: { name: string; attributes: Record<string, string> }[] = [
      { name: 'late', attributes: { handRaisedAt: '2026-08-01T10:00:05Z' } },
      { name: 'none', attributes: { handRaisedAt: '' } },
      { name: 'early', attributes: { handRaisedAt: '2026-08-01T10:00:01Z' } },
      { name: 'other', attributes: {} },
    ];
    expect(raisedHandsInOrder(people).map((person) => person.name)).toEqual(['early', 'late']);
  });
});
