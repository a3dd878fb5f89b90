// Live subtitles from both wire forms (legacy transcription events, `lk.transcription` text
// streams), deduplicated by segment id: interim segments are replaced by later versions.
export interface SubtitleSegment {
  id: string;
  speakerIdentity: string;
  speakerName: string;
  text: string;
  final: boolean;
  receivedAt: number;
}

export const MAX_SEGMENTS = 6;
export const SEGMENT_LIFETIME_MS = 12_000;

export function applySegment(segments: readonly SubtitleSegment[], segment: SubtitleSegment): SubtitleSegment[] {
  const index = segments.findIndex((existing) => existing.id === segment.id);
  if (index >= 0) {
    const existing = segments[index] as SubtitleSegment;
    // A final segment is never replaced by a late interim version of itself.
    if (existing.final && !segment.final) return segments as SubtitleSegment[];
    const next = [...segments];
    next[index] = { ...segment, receivedAt: segment.receivedAt };
    return next;
  }
  if (!segment.text.trim()) return segments as SubtitleSegment[];
  return [...segments, segment].slice(-MAX_SEGMENTS);
}

export function dropExpired(segments: readonly SubtitleSegment[], now: number): SubtitleSegment[] {
  return segments.filter((segment) => now - segment.receivedAt < SEGMENT_LIFETIME_MS);
}
