// The low-bandwidth mode of a call, wired in one place: on when the user asks for it or the link
// calls for it; then remote videos by priority and our own camera held down. Audio and subtitles
// are never touched.
import { RoomEvent, type Room } from 'livekit-client';
import { useEffect } from 'react';
import { setLowBandwidthPublishing } from '../call/camera-pipeline';
import { useLowBandwidthCause, type LowBandwidthCause } from './low-bandwidth-store';
import { useLowBandwidthTrigger } from './useLowBandwidthTrigger';
import { useLowBandwidthVideo } from './useLowBandwidthVideo';

/** Our camera, held down while the mode is on; a camera published meanwhile is held down too. */
function useLowBandwidthPublishing(room: Room, active: boolean): void {
  useEffect(() => {
    const apply = () => void setLowBandwidthPublishing(active);
    apply();
    room.on(RoomEvent.LocalTrackPublished, apply);
    return () => {
      room.off(RoomEvent.LocalTrackPublished, apply);
    };
  }, [room, active]);
}

export function useLowBandwidthMode(room: Room): LowBandwidthCause {
  useLowBandwidthTrigger(room);
  const cause = useLowBandwidthCause();
  useLowBandwidthVideo(room, cause !== null);
  useLowBandwidthPublishing(room, cause !== null);
  return cause;
}
