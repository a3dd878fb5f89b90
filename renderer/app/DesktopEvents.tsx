// The desktop side talks to the page through events (deep links, tray and notification
// actions, the screen picker), and learns the call state back through `call:state`.
import { useEffect } from 'react';
import { decideEntry } from '../platform/backend-queries';
import { invoke, onMainEvent } from '../platform/visio';
import { RoomEvent } from 'livekit-client';
import { followCallRoom } from '../features/call/call-status';
import { isMediaOn, setMedia } from '../features/call/media-toggles';
import { useCallUiStore } from '../features/call/call-ui-store';
import { useMeetingStore } from '../features/meeting/meeting-store';
import { CapturePicker } from '../features/screenshare/CapturePicker';
import { useCaptureStore } from '../features/screenshare/capture-store';
import { runCallAction } from '../features/shortcuts/call-actions';
import { SLUG_PATTERN } from '../../common/meet-types';
import { useRouteStore } from './route-store';

type CallStatePayload = {
  state: 'idle' | 'prejoin' | 'lobby' | 'in-call';
  muted: boolean;
  cameraOn: boolean;
  roomSlug: string | null;
  sharing: boolean;
};

/** The room's events after which our microphone, camera or screen share may have changed. */
const LOCAL_MEDIA_EVENTS = [RoomEvent.LocalTrackPublished, RoomEvent.LocalTrackUnpublished, RoomEvent.TrackMuted, RoomEvent.TrackUnmuted, RoomEvent.ParticipantPermissionsChanged] as const;

function currentCallState(): CallStatePayload {
  const { slug, phase } = useMeetingStore.getState();
  const routeIsMeeting = useRouteStore.getState().route.name === 'meeting';
  const state = !routeIsMeeting || !slug ? 'idle' : phase.name === 'call' ? 'in-call' : phase.name === 'lobby' ? 'lobby' : phase.name === 'prejoin' ? 'prejoin' : 'idle';
  return {
    state,
    muted: !isMediaOn('microphone'),
    cameraOn: isMediaOn('camera'),
    roomSlug: state === 'idle' ? null : slug,
    sharing: isMediaOn('screen'),
  };
}

export function DesktopEvents() {
  useEffect(() => {
    const unsubscribers = [
      onMainEvent('event:join', ({ slug }) => {
        if (SLUG_PATTERN.test(slug)) useRouteStore.getState().navigate({ name: 'meeting', slug });
      }),
      onMainEvent('event:command', ({ command }) => {
        if (command === 'toggle-mic') runCallAction('toggleMicrophone');
        else if (command === 'toggle-camera') runCallAction('toggleCamera');
        else if (command === 'leave') runCallAction('leave');
        else if (command === 'show-chat') useCallUiStore.getState().openPanel('chat');
        else if (command === 'show-participants') useCallUiStore.getState().openPanel('participants');
        // The share indicator's Stop: only ever ends a share, never starts one.
        else if (command === 'stop-screen-share' && isMediaOn('screen')) void setMedia('screen', false);
      }),
      onMainEvent('event:lobby-decision', ({ roomId, participantId, allowEntry }) => void decideEntry(roomId, participantId, allowEntry)),
      onMainEvent('event:capture-request', (request) => useCaptureStore.getState().open(request)),
      onMainEvent('event:capture-cancelled', ({ requestId }) => useCaptureStore.getState().cancelled(requestId)),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, []);

  useEffect(() => {
    let last = '';
    const report = () => {
      const state = currentCallState();
      const key = JSON.stringify(state);
      if (key === last) return;
      last = key;
      void invoke('call:state', state);
    };
    report();
    const unsubscribers = [useMeetingStore.subscribe(report), followCallRoom(LOCAL_MEDIA_EVENTS, report), useRouteStore.subscribe(report)];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, []);

  return <CapturePicker />;
}
