// Feeds the trigger with what is known of our own link: the server's rating of it (livekit-client's
// ConnectionQuality for the local participant) and the media watchdog's verdict. Sampled on each
// change and every second, so that "poor for 5 s" is seen even when nothing changes meanwhile.
import { RoomEvent, type Room } from 'livekit-client';
import { useEffect } from 'react';
import { useMediaHealthStore } from '../call/connection-health';
import { LowBandwidthTrigger, type LinkQuality } from './low-bandwidth-trigger';
import { useLowBandwidthStore } from './low-bandwidth-store';

const SAMPLE_MS = 1_000;
const linkQualities: readonly string[] = ['excellent', 'good', 'poor', 'lost', 'unknown'] satisfies LinkQuality[];

export function useLowBandwidthTrigger(room: Room): void {
  useEffect(() => {
    const trigger = new LowBandwidthTrigger();
    const { setAutomatic } = useLowBandwidthStore.getState();
    const sample = () => {
      const reported = String(room.localParticipant.connectionQuality);
      const quality = (linkQualities.includes(reported) ? reported : 'unknown') as LinkQuality;
      const active = trigger.update({ at: Date.now(), quality, mediaStalled: useMediaHealthStore.getState().mediaStalled });
      if (useLowBandwidthStore.getState().automatic !== active) setAutomatic(active);
    };
    const timer = window.setInterval(sample, SAMPLE_MS);
    room.on(RoomEvent.ConnectionQualityChanged, sample);
    const stopFollowingMedia = useMediaHealthStore.subscribe(sample);
    return () => {
      window.clearInterval(timer);
      room.off(RoomEvent.ConnectionQualityChanged, sample);
      stopFollowingMedia();
      setAutomatic(false);
    };
  }, [room]);
}
