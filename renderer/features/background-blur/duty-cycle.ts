// Blurring runs on the page's main thread (segmentation and WebGL drawing are synchronous), so a
// slow computer could spend all of it on the camera and leave the interface unresponsive. The blur
// therefore takes at most a share of the time: after a frame that took `t`, the frames arriving in
// the next `t × (1 / share − 1)` are dropped. A fast computer (a few milliseconds a frame) drops
// none; one rendering WebGL in software sends fewer blurred frames and stays usable.
export class DutyCycle {
  private resumeAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly share: number) {
    if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], got ${share}`);
  }

  /** Whether a frame arriving at `now` (milliseconds) is processed. */
  admits(now: number): boolean {
    return now >= this.resumeAt;
  }

  /** Records a frame processed from `start` to `end`. */
  record(start: number, end: number): void {
    this.resumeAt = end + Math.max(0, end - start) * (1 / this.share - 1);
  }
}
