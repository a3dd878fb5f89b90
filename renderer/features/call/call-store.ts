// The live call: the LiveKit room, its connection status and the local media state that the
// controls, shortcuts and desktop commands all act on.
import { ConnectionState, DisconnectReason, Room, RoomEvent } from 'livekit-client';
import { create } from 'zustand';
import type { LivekitGrant } from '../../../common/meet-types';
import { useDevicePreferences } from '../devices/device-preferences';
import { classifyMediaError, type MediaFailure } from '../devices/media-errors';
import { useMeetingStore } from '../meeting/meeting-store';
import { connectOptions, CONNECT_TIMEOUT_MS, roomOptionsFor, withTimeout } from './room-options';

export type CallStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed';

export interface MediaNotice {
  source: 'microphone' | 'camera' | 'screen';
  failure: MediaFailure;
}

interface CallState {
  room: Room | null;
  status: CallStatus;
  microphoneEnabled: boolean;
  cameraEnabled: boolean;
  screenShareEnabled: boolean;
  mediaNotice: MediaNotice | null;
  connect(grant: LivekitGrant): Promise<void>;
  leave(): Promise<void>;
  toggleMicrophone(): Promise<void>;
  toggleCamera(): Promise<void>;
  toggleScreenShare(): Promise<void>;
  setMicrophone(enabled: boolean): Promise<void>;
  setCamera(enabled: boolean): Promise<void>;
  dismissMediaNotice(): void;
}

/** Reasons after which joining again by ourselves would be wrong. */
const ENDING_REASONS = new Set<DisconnectReason>([
  DisconnectReason.CLIENT_INITIATED,
  DisconnectReason.DUPLICATE_IDENTITY,
  DisconnectReason.PARTICIPANT_REMOVED,
  DisconnectReason.ROOM_DELETED,
  DisconnectReason.USER_REJECTED,
]);
const REJOIN_ATTEMPTS = 20;
const REJOIN_DELAY_MS = 3000;

export const useCallStore = create<CallState>((set, get) => {
  const syncLocalMedia = () => {
    const participant = get().room?.localParticipant;
    if (!participant) return;
    set({
      microphoneEnabled: participant.isMicrophoneEnabled,
      cameraEnabled: participant.isCameraEnabled,
      screenShareEnabled: participant.isScreenShareEnabled,
    });
  };

  const applyMedia = async (source: MediaNotice['source'], enabled: boolean) => {
    const participant = get().room?.localParticipant;
    if (!participant) return;
    try {
      if (source === 'microphone') await participant.setMicrophoneEnabled(enabled);
      else if (source === 'camera') await participant.setCameraEnabled(enabled);
      else await participant.setScreenShareEnabled(enabled, { audio: true, selfBrowserSurface: 'exclude' });
      if (source !== 'screen') {
        useDevicePreferences.getState().update(source === 'microphone' ? { microphoneEnabled: enabled } : { cameraEnabled: enabled });
      }
    } catch (error) {
      // Closing the screen picker is a choice, not a failure.
      const failure = classifyMediaError(error);
      if (!(source === 'screen' && failure === 'permission_denied')) set({ mediaNotice: { source, failure } });
    } finally {
      syncLocalMedia();
    }
  };


  /** Connects a fresh room with the grant; false when the server cannot be reached in time. */
  const openRoom = async (grant: LivekitGrant): Promise<boolean> => {
    const previous = get().room;
    previous?.removeAllListeners();
    await previous?.disconnect();
    const preferences = useDevicePreferences.getState();
    const room = new Room(roomOptionsFor(preferences));
    // A failed first connection is reported by connect() itself, not as a lost call.
    let established = false;
    set({ room, mediaNotice: null, ...(get().status === 'reconnecting' ? {} : { status: 'connecting' as const }) });
    room
      .on(RoomEvent.Reconnecting, () => set({ status: 'reconnecting' }))
      .on(RoomEvent.SignalReconnecting, () => set({ status: 'reconnecting' }))
      .on(RoomEvent.Reconnected, () => set({ status: 'connected' }))
      .on(RoomEvent.LocalTrackPublished, syncLocalMedia)
      .on(RoomEvent.LocalTrackUnpublished, syncLocalMedia)
      .on(RoomEvent.TrackMuted, syncLocalMedia)
      .on(RoomEvent.TrackUnmuted, syncLocalMedia)
      .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
        if (get().room !== room || !established) return;
        if (reason !== undefined && ENDING_REASONS.has(reason)) {
          set({ status: 'idle', room: null, microphoneEnabled: false, cameraEnabled: false, screenShareEnabled: false });
          useMeetingStore.getState().end(reason !== DisconnectReason.CLIENT_INITIATED);
        } else {
          void rejoinAfterLoss(grant);
        }
      });
    try {
      await withTimeout(room.connect(grant.url, grant.token, connectOptions), CONNECT_TIMEOUT_MS);
    } catch {
      if (get().room === room) {
        room.removeAllListeners();
        void room.disconnect();
      }
      return false;
    }
    if (get().room !== room) return false;
    established = true;
    set({ status: 'connected' });
    await Promise.all([
      preferences.microphoneEnabled ? applyMedia('microphone', true) : Promise.resolve(),
      preferences.cameraEnabled ? applyMedia('camera', true) : Promise.resolve(),
    ]);
    syncLocalMedia();
    return true;
  };

  /** The server went away (restart, network): join again by ourselves for a while before giving up. */
  const rejoinAfterLoss = async (grant: LivekitGrant) => {
    set({ status: 'reconnecting' });
    for (let attempt = 0; attempt < REJOIN_ATTEMPTS; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, REJOIN_DELAY_MS));
      if (get().status !== 'reconnecting') return;
      if (await openRoom(grant)) return;
    }
    if (get().status !== 'reconnecting') return;
    set({ status: 'idle', room: null, microphoneEnabled: false, cameraEnabled: false, screenShareEnabled: false });
    useMeetingStore.getState().end(true);
  };

  return {
    room: null,
    status: 'idle',
    microphoneEnabled: false,
    cameraEnabled: false,
    screenShareEnabled: false,
    mediaNotice: null,

    async connect(grant) {
      const connected = await openRoom(grant);
      if (!connected && get().status === 'connecting') set({ status: 'failed' });
    },

    async leave() {
      const room = get().room;
      set({ status: 'idle' });
      if (room && room.state !== ConnectionState.Disconnected) await room.disconnect();
      else {
        set({ room: null });
        useMeetingStore.getState().end(false);
      }
    },

    toggleMicrophone: () => applyMedia('microphone', !get().microphoneEnabled),
    toggleCamera: () => applyMedia('camera', !get().cameraEnabled),
    toggleScreenShare: () => applyMedia('screen', !get().screenShareEnabled),
    setMicrophone: (enabled) => applyMedia('microphone', enabled),
    setCamera: (enabled) => applyMedia('camera', enabled),
    dismissMediaNotice: () => set({ mediaNotice: null }),
  };
});

/** Drops the room without ending the meeting phase (used when the call screen goes away). */
export function releaseCall(): void {
  const room = useCallStore.getState().room;
  useCallStore.setState({ room: null, status: 'idle', microphoneEnabled: false, cameraEnabled: false, screenShareEnabled: false });
  if (room) {
    room.removeAllListeners();
    void room.disconnect();
  }
}
