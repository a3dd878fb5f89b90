import { describe, expect, it, vi } from 'vitest';
import { createRendererEventSender } from './renderer-events';

describe('renderer events', () => {
  it('sends a contract event to the window', () => {
    const target = { isDestroyed: () => false, send: vi.fn() };
    const send = createRendererEventSender(() => target);
    expect(send('event:join', { slug: 'abc-defg-hij' })).toBe(true);
    expect(target.send).toHaveBeenCalledWith('event:join', { slug: 'abc-defg-hij' });
  });

  it('drops unknown names and events with no live window', () => {
    const target = { isDestroyed: () => true, send: vi.fn() };
    expect(createRendererEventSender(() => target)('event:join', { slug: 'abc-defg-hij' })).toBe(false);
    expect(createRendererEventSender(() => null)('event:join', { slug: 'abc-defg-hij' })).toBe(false);
    const live = { isDestroyed: () => false, send: vi.fn() };
    const send = createRendererEventSender(() => live) as (event: string, payload: unknown) => boolean;
    expect(send('ipc:internal', {})).toBe(false);
    expect(live.send).not.toHaveBeenCalled();
  });
});
