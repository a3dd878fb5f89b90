import { createLocalAudioTrack, createLocalVideoTrack, type LocalAudioTrack, type LocalVideoTrack } from 'livekit-client';
import { useEffect, useState } from 'react';
import { classifyMediaError, type MediaFailure } from '../devices/media-errors';

export interface PreviewTracks {
  video: LocalVideoTrack | null;
  audio: LocalAudioTrack | null;
  videoFailure: MediaFailure | null;
  audioFailure: MediaFailure | null;
}

function usePreviewTrack<T extends LocalVideoTrack | LocalAudioTrack>(
  enabled: boolean,
  deviceId: string,
  create: (deviceId: string) => Promise<T>,
): { track: T | null; failure: MediaFailure | null } {
  const key = `${enabled}:${deviceId}`;
  const [state, setState] = useState<{ key: string; track: T | null; failure: MediaFailure | null }>({ key: '', track: null, failure: null });

  useEffect(() => {
    if (!enabled) return;
    let active = true;
    let created: T | null = null;
    create(deviceId).then(
      (track) => {
        created = track;
        if (active) setState({ key: `${enabled}:${deviceId}`, track, failure: null });
        else track.stop();
      },
      (error: unknown) => {
        if (active) setState({ key: `${enabled}:${deviceId}`, track: null, failure: classifyMediaError(error) });
      },
    );
    return () => {
      active = false;
      created?.stop();
    };
  }, [enabled, deviceId, create]);

  return enabled && state.key === key ? state : { track: null, failure: null };
}

const createVideo = (deviceId: string) =>
  createLocalVideoTrack({ ...(deviceId ? { deviceId } : {}), resolution: { width: 640, height: 360, frameRate: 24 } });
const createAudio = (deviceId: string) => createLocalAudioTrack(deviceId ? { deviceId } : {});

/** Local camera and microphone captured for the prejoin preview only; stopped when the prejoin closes. */
export function usePreviewTracks(cameraEnabled: boolean, videoInputId: string, microphoneEnabled: boolean, audioInputId: string): PreviewTracks {
  const video = usePreviewTrack(cameraEnabled, videoInputId, createVideo);
  const audio = usePreviewTrack(microphoneEnabled, audioInputId, createAudio);
  return { video: video.track, audio: audio.track, videoFailure: video.failure, audioFailure: audio.failure };
}
