// Subtitles in both of LiveKit's forms (transcription text streams, and older agents'
// transcription segments), judged by the room trust rules, and let go once they are old.
import { RoomEvent, type Participant, type Room, type TrackPublication, type TranscriptionSegment } from 'livekit-client';
import { useEffect } from 'react';
import { TRANSCRIPTION_TOPIC } from '../../../common/meet-types';
import { readCapped } from '../room-trust/chat';
import { participantDisplayName } from '../room-trust/display';
import { DropLog } from '../room-trust/drop-log';
import { MAX_SUBTITLE_CHARS } from '../room-trust/limits';
import { senderKindOf } from '../room-trust/senders';
import { capSubtitle, judgeLegacySegment, judgeTranscriptionStream } from '../room-trust/subtitles';
import { useSubtitleStore } from './subtitle-store';

function ownerOfTrack(room: Room, trackSid: string | undefined): Participant | undefined {
  if (!trackSid) return undefined;
  if (room.localParticipant.getTrackPublications().some((publication) => publication.trackSid === trackSid)) return room.localParticipant;
  for (const participant of room.remoteParticipants.values()) {
    if (participant.getTrackPublicationBySid(trackSid)) return participant;
  }
  return undefined;
}

export function useSubtitleListener(room: Room): void {
  useEffect(() => {
    const subtitles = useSubtitleStore.getState();
    const drops = new DropLog();
    const participantOf = (identity: string | undefined) => (identity ? room.getParticipantByIdentity(identity) : undefined);

    room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, async (reader, { identity }) => {
      const kind = senderKindOf(identity, participantOf(identity));
      const verdict = judgeTranscriptionStream({
        streamId: reader.info.id,
        attributes: reader.info.attributes,
        senderIdentity: identity,
        sender: kind,
        trackOwnerIdentity: ownerOfTrack(room, reader.info.attributes?.['lk.transcribed_track_id'])?.identity,
      });
      if (!verdict.accepted) {
        drops.record('subtitle', verdict.reason, kind);
        // Drained all the same: an unread stream would keep its chunks in memory.
        await readCapped(reader, 0).catch(() => undefined);
        return;
      }
      const { id, final, speakerIdentity } = verdict.value;
      const speakerName = participantDisplayName(participantOf(speakerIdentity));
      let text = '';
      for await (const chunk of reader) {
        if (text.length > MAX_SUBTITLE_CHARS) continue;
        text = capSubtitle(text + chunk);
        subtitles.receive({ id, text, final: false, speakerIdentity, speakerName, receivedAt: Date.now() });
      }
      subtitles.receive({ id, text, final, speakerIdentity, speakerName, receivedAt: Date.now() });
    });

    const onTranscription = (segments: TranscriptionSegment[], participant?: Participant, publication?: TrackPublication) => {
      for (const segment of segments) {
        const verdict = judgeLegacySegment(segment, participant !== undefined, publication !== undefined);
        if (!verdict.accepted) {
          drops.record('subtitle', verdict.reason, 'anonymous');
          continue;
        }
        const { id, text, final } = verdict.value;
        subtitles.receive({ id, text, final, speakerIdentity: participant?.identity ?? '', speakerName: participantDisplayName(participant), receivedAt: Date.now() });
      }
    };
    room.on(RoomEvent.TranscriptionReceived, onTranscription);
    const pruneTimer = window.setInterval(() => useSubtitleStore.getState().prune(Date.now()), 1000);

    return () => {
      window.clearInterval(pruneTimer);
      room.unregisterTextStreamHandler(TRANSCRIPTION_TOPIC);
      room.off(RoomEvent.TranscriptionReceived, onTranscription);
    };
  }, [room]);
}
