// Tells the desktop who spoke last and how many are in the call, for the mini call window. Only
// changes are sent; the user counts as a speaker too ("you").
import { RoomEvent, type Participant, type Room } from 'livekit-client';
import { useEffect } from 'react';
import type { CallSpeaker } from '../../../common/mini-window';
import { invoke } from '../../platform/visio';
import { displayName } from '../room-trust/display';

export function speakerOf(room: Pick<Room, 'remoteParticipants'>, speaker: Participant | null, previous: CallSpeaker): CallSpeaker {
  const participantCount = room.remoteParticipants.size + 1;
  if (!speaker) return { ...previous, participantCount };
  return { name: displayName(speaker.name, speaker.identity), isLocal: speaker.isLocal, participantCount };
}

export function useSpeakerReport(room: Room): void {
  useEffect(() => {
    let current: CallSpeaker = { name: null, isLocal: false, participantCount: room.remoteParticipants.size + 1 };
    let speakerIdentity: string | null = null;
    let sent = '';
    const send = (next: CallSpeaker) => {
      current = next;
      const key = JSON.stringify(next);
      if (key === sent) return;
      sent = key;
      void invoke('call:speaker', next);
    };
    const onSpeakers = (speakers: Participant[]) => {
      const speaker = speakers[0] ?? null;
      if (speaker) speakerIdentity = speaker.identity;
      send(speakerOf(room, speaker, current));
    };
    // A renamed speaker keeps their place under the new name.
    const onName = (_name: string, participant: Participant) => {
      if (participant.identity === speakerIdentity) send(speakerOf(room, participant, current));
    };
    const onCount = () => send(speakerOf(room, null, current));
    send(current);
    room.on(RoomEvent.ActiveSpeakersChanged, onSpeakers);
    room.on(RoomEvent.ParticipantConnected, onCount);
    room.on(RoomEvent.ParticipantDisconnected, onCount);
    room.on(RoomEvent.ParticipantNameChanged, onName);
    return () => {
      room.off(RoomEvent.ActiveSpeakersChanged, onSpeakers);
      room.off(RoomEvent.ParticipantConnected, onCount);
      room.off(RoomEvent.ParticipantDisconnected, onCount);
      room.off(RoomEvent.ParticipantNameChanged, onName);
    };
  }, [room]);
}
