// The segmenter says, for each pixel of its small input, how sure it is that the pixel shows the
// person. The compositor cuts the person out of the blurred background with that as opacity; a
// narrow ramp around one half keeps the outline soft without letting a faint, unsure halo of
// background through sharp.

/** Confidences below this are background, above PERSON_HIGH the person; linear in between. */
const PERSON_LOW = 0.3;
const PERSON_HIGH = 0.7;

/**
 * Writes the person's opacity (0–255) into the alpha channel of `rgba` (4 bytes a pixel), from
 * one confidence in [0, 1] a pixel. The colour channels are left as they are.
 */
export function writePersonAlpha(confidence: ArrayLike<number>, rgba: Uint8ClampedArray): void {
  if (rgba.length !== confidence.length * 4) throw new RangeError(`expected ${confidence.length * 4} bytes, got ${rgba.length}`);
  const scale = 255 / (PERSON_HIGH - PERSON_LOW);
  for (let index = 0; index < confidence.length; index++) {
    // Uint8ClampedArray clamps and rounds: below PERSON_LOW is 0, above PERSON_HIGH is 255.
    rgba[index * 4 + 3] = (confidence[index]! - PERSON_LOW) * scale;
  }
}
