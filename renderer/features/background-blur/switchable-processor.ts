import type { Track, TrackProcessor } from 'livekit-client';
import type { EffectRendering } from './effect-rendering';

/** A camera processor whose effect changes in place: the same output track, so nothing is sent unprocessed in between. */
export type SwitchableVideoProcessor = TrackProcessor<Track.Kind.Video> & {
  switchEffect(rendering: EffectRendering): Promise<void>;
};
