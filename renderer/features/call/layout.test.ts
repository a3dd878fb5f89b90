import { describe, expect, it } from 'vitest';
import { effectiveLayout, splitStage, tileKey, type LayoutItem } from './layout';

const camera = (identity: string, isLocal = false): LayoutItem => ({ key: tileKey(identity, 'camera'), identity, isScreenShare: false, isLocal });
const share = (identity: string): LayoutItem => ({ key: tileKey(identity, 'screen_share'), identity, isScreenShare: true, isLocal: false });

describe('layout', () => {
  const me = camera('me', true);
  const ana = camera('ana');
  const bob = camera('bob');

  it('switches to the speaker layout for a share or a pin when on auto', () => {
    expect(effectiveLayout('auto', [me, ana], null)).toBe('grid');
    expect(effectiveLayout('auto', [me, ana, share('ana')], null)).toBe('speaker');
    expect(effectiveLayout('auto', [me, ana], ana.key)).toBe('speaker');
    expect(effectiveLayout('auto', [me, ana], 'gone:camera')).toBe('grid');
    expect(effectiveLayout('grid', [me, share('ana')], null)).toBe('grid');
    expect(effectiveLayout('speaker', [me, ana], null)).toBe('speaker');
  });

  it('puts the pinned tile on stage first', () => {
    const { stage, filmstrip } = splitStage([me, ana, bob, share('bob')], ana.key, 'bob');
    expect(stage.map((item) => item.key)).toEqual([ana.key]);
    expect(filmstrip).toHaveLength(3);
  });

  it('shows every screen share large', () => {
    const { stage } = splitStage([me, ana, share('ana'), share('bob')], null, 'bob');
    expect(stage.map((item) => item.key)).toEqual(['ana:screen_share', 'bob:screen_share']);
  });

  it('follows the last speaker, never oneself, and falls back to someone else', () => {
    expect(splitStage([me, ana, bob], null, 'bob').stage).toEqual([bob]);
    expect(splitStage([me, ana, bob], null, 'me').stage).toEqual([ana]);
    expect(splitStage([me], null, null).stage).toEqual([me]);
    expect(splitStage([], null, null).stage).toEqual([]);
  });
});
