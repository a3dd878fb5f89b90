// Our own camera in low-bandwidth mode: besides being captured at 360p (camera-pipeline.ts), each of its
// encodings is held under a bitrate ceiling set on the RTP senders.
//
// livekit-client's setPublishingQuality is not enough: with dynacast, the server's next request
// for layers overrides it, and with VP9 (SVC: one encoding carrying every layer) it changes
// nothing at all. A ceiling on the encodings lasts: livekit-client changes only their `active`
// flag afterwards. With SVC the encoder then drops the upper spatial layers first.
import type { LocalVideoTrack } from 'livekit-client';

/** About what the lowest simulcast layer of a 360p camera uses. */
export const LOW_BANDWIDTH_CAMERA_BITRATE = 150_000;

/** The ceilings the encodings had before the mode, per sender, to put back when it ends. */
const originalCeilings = new WeakMap<RTCRtpSender, (number | undefined)[]>();

function sendersOf(track: LocalVideoTrack): RTCRtpSender[] {
  const backups = [...track.simulcastCodecs.values()].map((info) => info.sender);
  return [track.sender, ...backups].filter((sender): sender is RTCRtpSender => Boolean(sender));
}

async function setCeilings(sender: RTCRtpSender, ceiling: number | null): Promise<void> {
  const parameters = sender.getParameters();
  if (!parameters.encodings?.length) return;
  if (ceiling !== null) {
    if (!originalCeilings.has(sender)) originalCeilings.set(sender, parameters.encodings.map((encoding) => encoding.maxBitrate));
    const originals = originalCeilings.get(sender)!;
    parameters.encodings.forEach((encoding, index) => (encoding.maxBitrate = Math.min(originals[index] ?? ceiling, ceiling)));
  } else {
    const originals = originalCeilings.get(sender);
    if (!originals) return;
    parameters.encodings.forEach((encoding, index) => {
      const original = originals[index];
      if (original === undefined) delete encoding.maxBitrate;
      else encoding.maxBitrate = original;
    });
    originalCeilings.delete(sender);
  }
  await sender.setParameters(parameters);
}

/**
 * Puts the ceiling on (a number) or takes it off (null). A change of layers by livekit-client at
 * the same moment makes setParameters refuse ours: it is tried once more on fresh parameters.
 */
export async function capCameraBitrate(track: LocalVideoTrack, ceiling: number | null): Promise<void> {
  for (const sender of sendersOf(track)) {
    await setCeilings(sender, ceiling).catch(() => setCeilings(sender, ceiling).catch(() => undefined));
  }
}
