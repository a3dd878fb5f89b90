// When the app goes into low-bandwidth mode by itself, and when it comes out. Pure, fed samples
// by useLowBandwidthTrigger.ts.
//
// In: the server rated our own link Poor (or Lost), or the media watchdog saw our media stop,
// without a break for ENTER_MS; a single bad rating is a hiccup, not a reason to pause people.
// Out: only once the link has been good for LEAVE_MS, much longer, so that a link on the edge does
// not turn videos on and off every few seconds (and the user is not told about it each time).

export const ENTER_MS = 5_000;
export const LEAVE_MS = 30_000;

/** livekit-client's ConnectionQuality values, as strings. */
export type LinkQuality = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

export interface LinkSample {
  at: number;
  quality: LinkQuality;
  /** The media watchdog's verdict: expected media stopped arriving. */
  mediaStalled: boolean;
}

type Verdict = 'bad' | 'good' | 'unknown';

function verdictOf(sample: LinkSample): Verdict {
  if (sample.mediaStalled || sample.quality === 'poor' || sample.quality === 'lost') return 'bad';
  if (sample.quality === 'excellent' || sample.quality === 'good') return 'good';
  return 'unknown';
}

export class LowBandwidthTrigger {
  private active = false;
  /** Since when the samples have said the same thing (null: nothing to count from). */
  private streakSince: number | null = null;
  private streakVerdict: Verdict = 'unknown';

  constructor(
    private readonly enterMs = ENTER_MS,
    private readonly leaveMs = LEAVE_MS,
  ) {}

  get isActive(): boolean {
    return this.active;
  }

  /** Takes one sample (called on every change and regularly); returns whether the mode should be on. */
  update(sample: LinkSample): boolean {
    const verdict = verdictOf(sample);
    if (verdict !== this.streakVerdict || this.streakSince === null) {
      this.streakVerdict = verdict;
      this.streakSince = sample.at;
    }
    const lasted = sample.at - this.streakSince;
    if (!this.active && verdict === 'bad' && lasted >= this.enterMs) this.active = true;
    else if (this.active && verdict === 'good' && lasted >= this.leaveMs) this.active = false;
    return this.active;
  }

  /** Forgets everything (a new call, or the automatic mode turned off). */
  reset(): void {
    this.active = false;
    this.streakSince = null;
    this.streakVerdict = 'unknown';
  }
}
