// Which of the control bar's actions stay in the bar and which go into the "more options" menu,
// from the width the window gives the bar. Pure, so the choice can be tested with plain numbers.

/** The actions a narrow window may move into the "more options" menu. */
export type MovableAction = 'floatingWindow' | 'meetingInfo' | 'recording' | 'subtitles' | 'reactions' | 'screenShare' | 'hand';

/** From the least used, the first to move into the menu, to the most used. */
export const movingOrder: readonly MovableAction[] = ['floatingWindow', 'meetingInfo', 'recording', 'subtitles', 'reactions', 'screenShare', 'hand'];

/** Where an action sits when it is in the bar: the centre (the call) or the right side (panels and room tools). */
export const sideActions: ReadonlySet<MovableAction> = new Set(['floatingWindow', 'meetingInfo', 'recording']);

/** Sizes in CSS pixels; styles.css gives the controls the same ones (`.control-bar`). */
export const barMetrics = {
  button: 44,
  deviceGroup: 72,
  leave: 64,
  gap: 8,
  regionGap: 16,
  padding: 24,
  /** The centre always holds both device groups, the "more" button and the leave button. */
  centreFixed: ['deviceGroup', 'deviceGroup', 'button', 'leave'] as const,
  /** The right side always holds the chat and participants buttons. */
  sideFixed: 2,
} as const;

function rowWidth(widths: readonly number[]): number {
  return widths.length === 0 ? 0 : widths.reduce((sum, width) => sum + width, 0) + barMetrics.gap * (widths.length - 1);
}

/** The width the bar needs: its centre stays centred, so it keeps the side's width free on its left too. */
export function barWidth(inBar: readonly MovableAction[]): number {
  const centre = [...barMetrics.centreFixed.map((part) => barMetrics[part]), ...inBar.filter((action) => !sideActions.has(action)).map(() => barMetrics.button)];
  const side = Array.from({ length: barMetrics.sideFixed + inBar.filter((action) => sideActions.has(action)).length }, () => barMetrics.button);
  return rowWidth(centre) + 2 * (rowWidth(side) + barMetrics.regionGap) + barMetrics.padding;
}

/**
 * Splits the available actions between the bar and the menu: the least used move first, one by
 * one, until the rest fits in `available` pixels. The order of `available` actions is kept.
 */
export function fitControlBar(actions: readonly MovableAction[], available: number): { inBar: MovableAction[]; inMenu: MovableAction[] } {
  let inBar = [...actions];
  for (const action of movingOrder) {
    if (barWidth(inBar) <= available) break;
    inBar = inBar.filter((candidate) => candidate !== action);
  }
  return { inBar, inMenu: actions.filter((action) => !inBar.includes(action)) };
}
