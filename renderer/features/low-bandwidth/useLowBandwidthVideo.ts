// Applies the low-bandwidth plan to the room's remote videos while the mode is on, and hands them
// back to adaptive stream when it ends. The choice itself is video-priority.ts.
import { RemoteTrackPublication, RoomEvent, Track, type Participant, type Room } from 'livekit-client';
import { useEffect, useRef } from 'react';
import { tileKey } from '../call/layout';
import { useLayoutStore } from '../call/layout-store';
import { useLowBandwidthStore } from './low-bandwidth-store';
import { applyReception, restoreReception } from './remote-video-control';
import { pausedKeys, planVideoReception, type RemoteVideo } from './video-priority';

const followedEvents = [
  RoomEvent.ActiveSpeakersChanged,
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackSubscribed,
] as const;

function remoteVideos(room: Room): Map<string, { video: RemoteVideo; publication: RemoteTrackPublication }> {
  const videos = new Map<string, { video: RemoteVideo; publication: RemoteTrackPublication }>();
  for (const participant of room.remoteParticipants.values()) {
    for (const publication of participant.videoTrackPublications.values()) {
      if (!(publication instanceof RemoteTrackPublication)) continue;
      const isScreenShare = publication.source === Track.Source.ScreenShare;
      if (!isScreenShare && publication.source !== Track.Source.Camera) continue;
      const key = tileKey(participant.identity, publication.source);
      videos.set(key, { video: { key, identity: participant.identity, isScreenShare }, publication });
    }
  }
  return videos;
}

export function useLowBandwidthVideo(room: Room, active: boolean): void {
  const broughtBack = useLowBandwidthStore((state) => state.broughtBack);
  const pinnedKey = useLayoutStore((state) => state.pinnedKey);
  /** Every publication the mode changed, to hand back when it ends (even one gone off the page). */
  const changed = useRef(new Set<RemoteTrackPublication>());
  const lastSpeaker = useRef<string | null>(null);

  // Handing back only when the mode ends (not on each change of pin or brought-back tiles), so a
  // paused video is not let through for a moment in between.
  useEffect(() => {
    if (!active) return;
    const publications = changed.current;
    return () => {
      for (const publication of publications) restoreReception(publication);
      publications.clear();
      useLowBandwidthStore.getState().setPaused(new Set());
    };
  }, [room, active]);

  useEffect(() => {
    if (!active) return;
    const apply = () => {
      const videos = remoteVideos(room);
      const activeSpeakers = room.activeSpeakers.filter((participant: Participant) => !participant.isLocal).map((participant) => participant.identity);
      const previous = lastSpeaker.current;
      lastSpeaker.current = activeSpeakers[0] ?? (previous && room.remoteParticipants.has(previous) ? previous : null);
      const plan = planVideoReception({
        videos: [...videos.values()].map(({ video }) => video),
        activeSpeakers,
        lastSpeaker: lastSpeaker.current,
        pinnedKey,
        broughtBack,
      });
      for (const [key, reception] of plan) {
        const publication = videos.get(key)?.publication;
        if (!publication) continue;
        applyReception(publication, reception);
        changed.current.add(publication);
      }
      useLowBandwidthStore.getState().setPaused(pausedKeys(plan));
    };
    apply();
    for (const event of followedEvents) room.on(event, apply);
    return () => {
      for (const event of followedEvents) room.off(event, apply);
    };
  }, [room, active, broughtBack, pinnedKey]);
}
