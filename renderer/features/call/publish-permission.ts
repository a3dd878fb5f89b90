// Whether our LiveKit permission lets us publish a source, read the way the LiveKit server
// reads it: publishing allowed, and the source listed (an empty list allows every source).
import { Track, type LocalParticipant } from 'livekit-client';

export type PublishPermission = Pick<NonNullable<LocalParticipant['permissions']>, 'canPublish' | 'canPublishSources'>;

/** The control that turns each source on: a screen goes with its sound. */
export type ControlledSource = 'microphone' | 'camera' | 'screen';

const SOURCE_OF_CONTROL: Record<ControlledSource, Track.Source> = {
  microphone: Track.Source.Microphone,
  camera: Track.Source.Camera,
  screen: Track.Source.ScreenShare,
};

/** Before the server said anything (not yet connected), nothing is forbidden. */
export function canPublishSource(permission: PublishPermission | undefined, source: ControlledSource): boolean {
  if (!permission) return true;
  if (!permission.canPublish) return false;
  if (permission.canPublishSources.length === 0) return true;
  return permission.canPublishSources.some((allowed) => Track.sourceFromProto(allowed) === SOURCE_OF_CONTROL[source]);
}
