import { describe, expect, it } from 'vitest';
import { messageFor } from './LowBandwidthStatus';

describe('messageFor', () => {
  it('says why the mode starts', () => {
    expect(messageFor(null, 'manual', null)).toBe('enteredManual');
    expect(messageFor(null, 'automatic', 'leftManual')).toBe('enteredAutomatic');
  });

  it('says it ended, the way it had started', () => {
    expect(messageFor('manual', null, 'enteredManual')).toBe('leftManual');
    expect(messageFor('automatic', null, 'enteredAutomatic')).toBe('leftAutomatic');
  });

  it('says nothing new when the user asks for a mode the link had already turned on', () => {
    expect(messageFor('automatic', 'manual', 'enteredAutomatic')).toBe('enteredAutomatic');
  });

  it('says the link keeps the mode on when the user turns the switch off', () => {
    expect(messageFor('manual', 'automatic', 'enteredManual')).toBe('enteredAutomatic');
  });
});
