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
