// Trouble seen in the media itself, long before the signalling connection times out (13 to 15 s):
// bytes stop arriving on the peer connections while something should be flowing, or ICE reports
// the path lost. A room where nobody sends anything is quiet, not broken: it is never flagged.

/** Media gone this long (or ICE lost) is "unstable": within the 2 s the user may wait, sampling included. */
export const STALL_MS = 1_200;
/** Media must flow again this long before the state clears, so a trickle does not make it flicker. */
export const RECOVER_MS = 1_000;

export interface MediaSample {
  at: number;
  /** Bytes received so far over every peer connection of the call. */
  receivedBytes: number;
  /** Whether media should be arriving now (an unmuted subscribed track, or our own camera's feedback). */
  expectingMedia: boolean;
  /** ICE connection state of each peer connection. */
  iceStates: readonly RTCIceConnectionState[];
}

export class MediaStallDetector {
  private lastBytes: number | undefined;
  private lastProgressAt = 0;
  private lastTroubleAt = -Infinity;
  private stalled = false;

  constructor(
    private readonly stallMs = STALL_MS,
    private readonly recoverMs = RECOVER_MS,
  ) {}

  /** Takes a sample; returns whether the media is stalled now. */
  update(sample: MediaSample): boolean {
    // Fewer bytes than before means new peer connections: that is a fresh start, not a stall.
    const progressed = this.lastBytes === undefined || sample.receivedBytes !== this.lastBytes;
    this.lastBytes = sample.receivedBytes;
    if (progressed || !sample.expectingMedia) this.lastProgressAt = sample.at;
    const iceLost = sample.iceStates.some((state) => state === 'disconnected' || state === 'failed');
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
