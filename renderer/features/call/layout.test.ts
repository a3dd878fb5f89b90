import { describe, expect, it } from 'vitest';
import { effectiveLayout, gridColumns, maxTilesPerPage, splitStage, tileKey, tilesPerPage, tileWidth, type LayoutItem } from './layout';

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

describe('grid pages', () => {
  it.each([
    ['a full-HD window', { width: 1880, height: 900 }, 25],
    ['the default 1280 × 800 window', { width: 1264, height: 640 }, 25],
    ['a narrow window', { width: 1000, height: 640 }, 16],
    ['a short window', { width: 1264, height: 480 }, 16],
    ['the smallest window', { width: 780, height: 400 }, 9],
    ['a chat panel beside a small window', { width: 500, height: 300 }, 4],
    ['a sliver', { width: 300, height: 200 }, 1],
  ])('holds as many tiles as %s allows', (_label, area, expected) => {
    expect(tilesPerPage(area)).toBe(expected);
  });

  it('holds the most before the area is measured, as Meet does (5 × 5)', () => {
    expect(tilesPerPage(null)).toBe(maxTilesPerPage);
    expect(maxTilesPerPage).toBe(25);
  });

  it('lays a page out as square as possible, wider than tall', () => {
    expect([0, 1, 2, 4, 5, 9, 10, 16, 17, 25].map(gridColumns)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });
});

describe('tile size', () => {
  it('is limited by the cell width in a tall area, by its height in a wide one, and stays 16:9', () => {
    expect(tileWidth({ width: 800, height: 2000 }, 2, 2, 8)).toBe(396);
    expect(tileWidth({ width: 2000, height: 450 }, 1, 1, 8)).toBe(800);
    const width = tileWidth({ width: 1264, height: 560 }, 3, 3, 8);
    expect(width * (9 / 16)).toBeLessThanOrEqual((560 - 16) / 3);
    expect(width).toBeLessThanOrEqual((1264 - 16) / 3);
  });

  it('is never negative in a tiny area', () => {
    expect(tileWidth({ width: 4, height: 4 }, 3, 3, 8)).toBe(0);
  });
});
