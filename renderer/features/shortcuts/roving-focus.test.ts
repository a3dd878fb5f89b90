import { describe, expect, it } from 'vitest';
import { nextToolbarIndex } from './roving-focus';

describe('nextToolbarIndex', () => {
  it('moves with arrows and wraps around', () => {
    expect(nextToolbarIndex(0, 'ArrowRight', 3)).toBe(1);
    expect(nextToolbarIndex(2, 'ArrowRight', 3)).toBe(0);
    expect(nextToolbarIndex(0, 'ArrowLeft', 3)).toBe(2);
    expect(nextToolbarIndex(1, 'Home', 3)).toBe(0);
    expect(nextToolbarIndex(1, 'End', 3)).toBe(2);
  });

  it('ignores other keys', () => {
    expect(nextToolbarIndex(1, 'Enter', 3)).toBeNull();
    expect(nextToolbarIndex(0, 'ArrowRight', 0)).toBeNull();
  });
});
