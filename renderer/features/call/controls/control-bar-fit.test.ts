import { describe, expect, it } from 'vitest';
import { barWidth, fitControlBar, movingOrder, type MovableAction } from './control-bar-fit';

const all: MovableAction[] = ['screenShare', 'reactions', 'hand', 'subtitles', 'meetingInfo', 'recording'];

describe('fitControlBar', () => {
  it('keeps every action in the bar from 1024 pixels up', () => {
    for (const width of [1024 - 2, 1280, 1920]) expect(fitControlBar(all, width)).toEqual({ inBar: all, inMenu: [] });
  });

  it('moves the least used actions first, keeping the order of the rest', () => {
    const { inBar, inMenu } = fitControlBar(all, barWidth(all) - 1);
    expect(inMenu).toEqual(['meetingInfo']);
    expect(inBar).toEqual(['screenShare', 'reactions', 'hand', 'subtitles', 'recording']);
  });

  it('moves as many as needed, and what stays always fits', () => {
    for (let width = 200; width <= 1100; width += 10) {
      const { inBar, inMenu } = fitControlBar(all, width);
      expect([...inBar, ...inMenu].sort()).toEqual([...all].sort());
      const moved = movingOrder.filter((action) => all.includes(action)).slice(0, inMenu.length);
      expect([...inMenu].sort()).toEqual([...moved].sort());
      if (inBar.length > 0) expect(barWidth(inBar)).toBeLessThanOrEqual(width);
    }
  });

  it('never moves an action that is not offered (no recording for a guest)', () => {
    const guest = all.filter((action) => action !== 'recording');
    const { inMenu } = fitControlBar(guest, barWidth(guest) - 1);
    expect(inMenu).toEqual(['meetingInfo']);
  });

  it('moves the floating-window button of the browser variant first, before the meeting information', () => {
    const browser: MovableAction[] = [...all, 'floatingWindow'];
    expect(fitControlBar(browser, 1280).inMenu).toEqual([]);
    expect(fitControlBar(browser, 1024 - 2).inMenu).toEqual(['floatingWindow']);
  });

  it('puts everything in the menu in a very narrow window', () => {
    expect(fitControlBar(all, 100)).toEqual({ inBar: [], inMenu: all });
  });
});
