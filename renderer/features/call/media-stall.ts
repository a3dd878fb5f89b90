// Trouble seen in the media itself, long before the signalling connection times out (13 to 15 s):
// bytes stop arriving on the peer connections while something should be flowing, or ICE reports
// the path lost. A room where nobody sends anything is quiet, not broken: it is never flagged.
// ICE lost for a while on top of that is the path to the media server gone, not a blip (a Wi-Fi
// roam, a burst of loss): whether the call must be joined afresh then depends on whether the
// server still answers (session-loss.ts).

/** Media gone this long (or ICE lost) is "unstable": within the 2 s the user may wait, sampling included. */
export const STALL_MS = 1_200;
/** Media must flow again this long before the state clears, so a trickle does not make it flicker. */
export const RECOVER_MS = 1_000;
/** ICE lost this long, with the media stalled, is the media path gone. */
export const PATH_LOST_MS = 1_500;

export interface MediaSample {
  at: number;
  /** Bytes received so far over every peer connection of the call. */
  receivedBytes: number;
  /** Whether media should be arriving now (an unmuted subscribed track, or our own camera's feedback). */
  expectingMedia: boolean;
  /** ICE connection state of each peer connection. */
  iceStates: readonly RTCIceConnectionState[];
}

export interface MediaHealth {
  /** Media stopped arriving while expected, or ICE lost a path. */
  stalled: boolean;
  /** Stalled, with ICE lost on a peer connection for PATH_LOST_MS or more. */
  pathLost: boolean;
}

export class MediaStallDetector {
  private lastBytes: number | undefined;
  private lastProgressAt = 0;
  private lastTroubleAt = -Infinity;
  private iceLostSince: number | undefined;
  private stalled = false;

  constructor(
    private readonly stallMs = STALL_MS,
    private readonly recoverMs = RECOVER_MS,
    private readonly pathLostMs = PATH_LOST_MS,
  ) {}

  /** Takes a sample; returns whether the media is stalled now, and whether its path is lost. */
  health(sample: MediaSample): MediaHealth {
    const stalled = this.update(sample);
    const pathLost = stalled && this.iceLostSince !== undefined && sample.at - this.iceLostSince >= this.pathLostMs;
    return { stalled, pathLost };
  }

  /** Takes a sample; returns whether the media is stalled now. */
  update(sample: MediaSample): boolean {
    // Fewer bytes than before means new peer connections: that is a fresh start, not a stall.
    const progressed = this.lastBytes === undefined || sample.receivedBytes !== this.lastBytes;
    this.lastBytes = sample.receivedBytes;
    if (progressed || !sample.expectingMedia) this.lastProgressAt = sample.at;
    const iceLost = sample.iceStates.some((state) => state === 'disconnected' || state === 'failed');
    if (!iceLost) this.iceLostSince = undefined;
    else this.iceLostSince ??= sample.at;
    const mediaStopped = sample.expectingMedia && sample.at - this.lastProgressAt >= this.stallMs;
    if (iceLost || mediaStopped) {
      this.lastTroubleAt = sample.at;
      this.stalled = true;
    } else if (this.stalled && sample.at - this.lastTroubleAt >= this.recoverMs) {
      this.stalled = false;
    }
    return this.stalled;
  }
}
