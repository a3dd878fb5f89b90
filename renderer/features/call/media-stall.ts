// Trouble seen in the media itself, long before the signalling connection times out (13 to 15 s):
// bytes stop arriving on the peer connections while something should be flowing, or ICE reports
// the path lost. A room where nobody sends anything is quiet, not broken: it is never flagged.
// The path to the media server is gone, not just quiet, when on top of that ICE's own checks go
// unanswered (the server answers each within a round trip, media or not; Chrome checks a path
// that went quiet several times a second, so two in a row go unanswered within 2 s of the loss) or ICE reports the path lost for a while (Chrome
// says so only 7 to 8 s after): whether the call must be joined afresh then depends on whether
// the server still answers otherwise (session-loss.ts).

/** Media gone this long (or ICE lost) is "unstable": within the 2 s the user may wait, sampling included. */
export const STALL_MS = 1_200;
/** Media must flow again this long before the state clears, so a trickle does not make it flicker. */
export const RECOVER_MS = 1_000;
/** ICE lost this long, with the media stalled, is the media path gone. */
export const PATH_LOST_MS = 1_500;
/** This many ICE checks in a row unanswered, with the media stalled, is the media path gone. */
export const UNANSWERED_CHECKS = 2;

export interface MediaSample {
  at: number;
  /** Bytes received so far over every peer connection of the call. */
  receivedBytes: number;
  /** Whether media should be arriving now (an unmuted subscribed track, or our own camera's feedback). */
  expectingMedia: boolean;
  /** ICE connection state of each peer connection. */
  iceStates: readonly RTCIceConnectionState[];
  /** ICE checks sent so far on the selected candidate pairs (0 when unknown). */
  checksSent?: number;
  /** ICE check responses received so far on the selected candidate pairs. */
  checksAnswered?: number;
}

export interface MediaHealth {
  /** Media stopped arriving while expected, or ICE lost a path. */
  stalled: boolean;
  /**
   * Stalled with nothing arriving in the last sample, and ICE checks unanswered or ICE lost on a
   * peer connection for PATH_LOST_MS or more.
   */
  pathLost: boolean;
}

export class MediaStallDetector {
  private lastBytes: number | undefined;
  private lastProgressAt = 0;
  private lastTroubleAt = -Infinity;
  private iceLostSince: number | undefined;
  private lastAnswered: number | undefined;
  /** Checks sent when the last answer was seen. */
  private sentAtLastAnswer = 0;
  /** Whether the last sample saw bytes arrive. */
  private progressedLast = false;
  private stalled = false;

  constructor(
    private readonly stallMs = STALL_MS,
    private readonly recoverMs = RECOVER_MS,
    private readonly pathLostMs = PATH_LOST_MS,
    private readonly unansweredChecks = UNANSWERED_CHECKS,
  ) {}

  /** Takes a sample; returns whether the media is stalled now, and whether its path is lost. */
  health(sample: MediaSample): MediaHealth {
    const stalled = this.update(sample);
    const sent = sample.checksSent ?? 0;
    const answered = sample.checksAnswered ?? 0;
    // A new answer, or counters that went back (a new candidate pair): count from here.
    if (this.lastAnswered === undefined || answered !== this.lastAnswered || sent < this.sentAtLastAnswer) this.sentAtLastAnswer = sent;
    this.lastAnswered = answered;
    const checksUnanswered = sent - this.sentAtLastAnswer >= this.unansweredChecks;
    const iceLostLong = this.iceLostSince !== undefined && sample.at - this.iceLostSince >= this.pathLostMs;
    // Bytes arriving again (a link back after a cut: the server's media comes first) end it at once.
    return { stalled, pathLost: stalled && !this.progressedLast && (checksUnanswered || iceLostLong) };
  }

  /** Takes a sample; returns whether the media is stalled now. */
  update(sample: MediaSample): boolean {
    // Fewer bytes than before means new peer connections: that is a fresh start, not a stall.
    const progressed = this.lastBytes === undefined || sample.receivedBytes !== this.lastBytes;
    this.lastBytes = sample.receivedBytes;
    this.progressedLast = progressed;
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
