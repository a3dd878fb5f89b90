// Which tiles go on the stage and which in the filmstrip. Pure, so the choice can be tested.
export type LayoutChoice = 'auto' | 'grid' | 'speaker';
export const layoutChoices: readonly LayoutChoice[] = ['auto', 'grid', 'speaker'];

export interface LayoutItem {
  /** Unique per tile: identity and source. */
  key: string;
  identity: string;
  isScreenShare: boolean;
  isLocal: boolean;
}

export function tileKey(identity: string, source: string): string {
  return `${identity}:${source}`;
}

/** "Auto" follows Meet: a grid, until someone shares a screen or a tile is pinned. */
export function effectiveLayout(choice: LayoutChoice, items: readonly LayoutItem[], pinnedKey: string | null): 'grid' | 'speaker' {
  if (choice !== 'auto') return choice;
  const pinned = pinnedKey !== null && items.some((item) => item.key === pinnedKey);
  return pinned || items.some((item) => item.isScreenShare) ? 'speaker' : 'grid';
}

/**
 * The stage shows the pinned tile; else every screen share (several side by side); else the last
 * person who spoke; else someone else than oneself. Everything else goes to the filmstrip.
 */
export function splitStage<T extends LayoutItem>(items: readonly T[], pinnedKey: string | null, lastSpeakerIdentity: string | null): { stage: T[]; filmstrip: T[] } {
  const pinned = items.find((item) => item.key === pinnedKey);
  let stage: T[];
  if (pinned) stage = [pinned];
  else {
    const shares = items.filter((item) => item.isScreenShare);
    if (shares.length > 0) stage = shares;
    else {
      const speaker = items.find((item) => !item.isScreenShare && item.identity === lastSpeakerIdentity && !item.isLocal);
      const fallback = items.find((item) => !item.isLocal) ?? items[0];
      const chosen = speaker ?? fallback;
      stage = chosen ? [chosen] : [];
    }
  }
  const onStage = new Set(stage.map((item) => item.key));
  return { stage, filmstrip: items.filter((item) => !onStage.has(item.key)) };
}

/** Stage columns: shares side by side up to two per row. */
export function stageColumns(count: number): number {
  return count <= 1 ? 1 : 2;
}

/**
 * Grid pages like Meet's (LiveKit's grid layouts): up to 5 × 5 tiles when the space allows, fewer
 * on a small window so that a face stays a face. A step needs both its width and its height.
 */
const gridSteps: ReadonlyArray<{ columns: number; minWidth: number; minHeight: number }> = [
  { columns: 5, minWidth: 1100, minHeight: 560 },
  { columns: 4, minWidth: 880, minHeight: 450 },
  { columns: 3, minWidth: 660, minHeight: 340 },
  { columns: 2, minWidth: 420, minHeight: 220 },
];
export const maxTilesPerPage = 25;

/** How many tiles one grid page holds in an area of this size (before it is measured: the most). */
export function tilesPerPage(area: { width: number; height: number } | null): number {
  if (!area) return maxTilesPerPage;
  const step = gridSteps.find((candidate) => area.width >= candidate.minWidth && area.height >= candidate.minHeight);
  return step ? step.columns * step.columns : 1;
}

/** Columns for the tiles of one page: as square as possible, wider than tall. */
export function gridColumns(tileCount: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(tileCount)));
}

/** The camera's shape: tiles keep it whatever the window's. */
export const TILE_ASPECT_RATIO = 16 / 9;

/**
 * The width of a camera tile in a grid of `columns` columns and `rows` rows filling `area`, so that
 * the tile keeps its 16:9 shape and the whole grid fits: limited by the cell's width or its height.
 */
export function tileWidth(area: { width: number; height: number }, columns: number, rows: number, gap: number): number {
  const cellWidth = (area.width - gap * (columns - 1)) / columns;
  const cellHeight = (area.height - gap * (rows - 1)) / rows;
  return Math.max(0, Math.floor(Math.min(cellWidth, cellHeight * TILE_ASPECT_RATIO)));
}
