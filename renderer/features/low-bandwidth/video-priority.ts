// Which remote videos are received in low-bandwidth mode, and how sharp. Pure, so the choice can be
// tested: the wiring (useLowBandwidthVideo.ts) only applies it to livekit-client's publications.
//
// Audio and subtitles are never part of the choice: a call one cannot hear is no call at all.

/** The layer asked of the server: the lowest simulcast layer, or the middle one. */
export type ReceptionQuality = 'low' | 'medium';

export type Reception = { enabled: true; quality: ReceptionQuality } | { enabled: false };

export interface RemoteVideo {
  /** The tile's key (identity and source, see layout.ts `tileKey`). */
  key: string;
  identity: string;
  isScreenShare: boolean;
}

export interface PriorityInput {
  videos: readonly RemoteVideo[];
  /** The remote people speaking now, loudest first (as livekit-client orders them). */
  activeSpeakers: readonly string[];
  /** The last remote person who spoke, kept through silences so the stage does not go dark. */
  lastSpeaker: string | null;
  /** The tile the user pinned, if any: they chose to look at it. */
  pinnedKey: string | null;
  /** Tiles the user brought back while in the mode: they stay received. */
  broughtBack: ReadonlySet<string>;
}

/**
 * Screen shares first (what is shown is usually what the meeting is about), then the speaker's
 * camera (or, before anyone is known to speak, the first camera) and the pinned tile, then the tiles
 * the user brought back. Every other camera is paused.
 * While a screen is shared, the speaker's face is a small thing beside it: the lowest layer will do.
 */
export function planVideoReception(input: PriorityInput): Map<string, Reception> {
  const plan = new Map<string, Reception>();
  const sharing = input.videos.some((video) => video.isScreenShare);
  // The server reports speakers on a change only: someone who was already talking when we joined
  // is not known until they pause. Meanwhile the first camera stays, as the stage shows someone.
  const firstCamera = input.videos.find((video) => !video.isScreenShare)?.identity ?? null;
  const speaker = input.activeSpeakers[0] ?? input.lastSpeaker ?? firstCamera;
  for (const video of input.videos) {
    if (video.isScreenShare) plan.set(video.key, { enabled: true, quality: 'medium' });
    else if (video.identity === speaker || video.key === input.pinnedKey) plan.set(video.key, { enabled: true, quality: sharing ? 'low' : 'medium' });
    else if (input.broughtBack.has(video.key)) plan.set(video.key, { enabled: true, quality: 'low' });
    else plan.set(video.key, { enabled: false });
  }
  return plan;
}

/** The keys of the videos the plan pauses: their tiles say so and offer to bring them back. */
export function pausedKeys(plan: ReadonlyMap<string, Reception>): Set<string> {
  return new Set([...plan].filter(([, reception]) => !reception.enabled).map(([key]) => key));
}
