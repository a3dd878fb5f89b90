import { describe, expect, it } from 'vitest';
import { idleCallState, type CallState } from '../call-state';
import { isStopNavigation, onCallStateChanged, onIndicatorClosed, onStopClicked, shareIndicatorUrlFor } from './share-indicator';

const sharingState: CallState = { ...idleCallState, state: 'in-call', roomSlug: 'abc-defg-hij', sharing: true };

describe('share indicator', () => {
  it('shows when a share starts and hides when it ends', () => {
    const started = onCallStateChanged('hidden', sharingState);
    expect(started).toEqual({ phase: 'sharing', effects: ['show'] });
    expect(onCallStateChanged('sharing', sharingState)).toEqual({ phase: 'sharing', effects: [] });
    expect(onCallStateChanged('sharing', { ...sharingState, sharing: false })).toEqual({ phase: 'hidden', effects: ['hide'] });
  });

  it('asks the renderer to stop once, then hides only when the share really ended', () => {
    const stopping = onStopClicked('sharing');
    expect(stopping).toEqual({ phase: 'stopping', effects: ['request-stop'] });
    expect(onStopClicked('stopping')).toEqual({ phase: 'stopping', effects: [] });
    expect(onCallStateChanged('stopping', sharingState)).toEqual({ phase: 'stopping', effects: [] });
    expect(onCallStateChanged('stopping', { ...sharingState, sharing: false })).toEqual({ phase: 'hidden', effects: ['hide'] });
  });

  it('hides when the call ends even if the share flag lingers', () => {
    expect(onCallStateChanged('sharing', { ...sharingState, state: 'idle' })).toEqual({ phase: 'hidden', effects: ['hide'] });
  });

  it('treats the window closed while sharing as a stop request', () => {
    expect(onIndicatorClosed('sharing')).toEqual({ phase: 'stopping', effects: ['request-stop'] });
    expect(onIndicatorClosed('hidden')).toEqual({ phase: 'hidden', effects: [] });
  });

  it('recognizes the Stop link and places the page on the app origin', () => {
    expect(isStopNavigation('app://visio/share-indicator.html#stop')).toBe(true);
    expect(isStopNavigation('app://visio/share-indicator.html')).toBe(false);
    expect(isStopNavigation('not a url')).toBe(false);
    expect(shareIndicatorUrlFor('app://visio', 'de')).toBe('app://visio/share-indicator.de.html');
  });
});
