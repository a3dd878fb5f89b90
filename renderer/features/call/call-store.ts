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

  return {
    room: null,
    status: 'idle',
    microphoneEnabled: false,
    cameraEnabled: false,
    screenShareEnabled: false,
    mediaNotice: null,

    async connect(grant) {
      get().room?.removeAllListeners();
      await get().room?.disconnect();
      const preferences = useDevicePreferences.getState();
      const room = new Room(roomOptionsFor(preferences));
      set({ room, status: 'connecting', mediaNotice: null });
      room
        .on(RoomEvent.Reconnecting, () => set({ status: 'reconnecting' }))
        .on(RoomEvent.SignalReconnecting, () => set({ status: 'reconnecting' }))
        .on(RoomEvent.Reconnected, () => set({ status: 'connected' }))
        .on(RoomEvent.LocalTrackPublished, syncLocalMedia)
        .on(RoomEvent.LocalTrackUnpublished, syncLocalMedia)
        .on(RoomEvent.TrackMuted, syncLocalMedia)
        .on(RoomEvent.TrackUnmuted, syncLocalMedia)
        .on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
          if (get().room !== room || get().status === 'connecting') return;
          set({ status: 'idle', room: null, microphoneEnabled: false, cameraEnabled: false, screenShareEnabled: false });
          useMeetingStore.getState().end(reason !== DisconnectReason.CLIENT_INITIATED);
        });
      try {
        await withTimeout(room.connect(grant.url, grant.token, connectOptions), CONNECT_TIMEOUT_MS);
      } catch {
        if (get().room === room) {
          room.removeAllListeners();
          void room.disconnect();
          set({ status: 'failed' });
        }
        return;
      }
      if (get().room !== room) return;
      set({ status: 'connected' });
      await Promise.all([
        preferences.microphoneEnabled ? applyMedia('microphone', true) : Promise.resolve(),
        preferences.cameraEnabled ? applyMedia('camera', true) : Promise.resolve(),
      ]);
      syncLocalMedia();
    },

    async leave() {
      const room = get().room;
      set({ status: 'idle' });
      if (room && room.state !== ConnectionState.Disconnected) await room.disconnect();
      else useMeetingStore.getState().end(false);
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
