import { describe, expect, it } from 'vitest';
import { decideQuit, decideWindowClose, quitConfirmation } from './close-policy';

describe('close policy', () => {
  it('hides the window instead of closing it during a call', () => {
    expect(decideWindowClose({ inCall: true, quitting: false })).toBe('hide');
    expect(decideWindowClose({ inCall: false, quitting: false })).toBe('close');
    expect(decideWindowClose({ inCall: true, quitting: true })).toBe('close');
  });

  it('asks before quitting during a call, unless confirmed or the system shuts down', () => {
    expect(decideQuit({ inCall: true, confirmed: false, systemShutdown: false })).toBe('ask');
    expect(decideQuit({ inCall: true, confirmed: true, systemShutdown: false })).toBe('quit');
    expect(decideQuit({ inCall: true, confirmed: false, systemShutdown: true })).toBe('quit');
    expect(decideQuit({ inCall: false, confirmed: false, systemShutdown: false })).toBe('quit');
  });

  it('words the confirmation in both languages', () => {
    expect(quitConfirmation('fr').message).toBe('Quitter Visio pendant la réunion ?');
    expect(quitConfirmation('en').cancel).toBe('Stay in the meeting');
  });
});
