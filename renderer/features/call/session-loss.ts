// When livekit-client's own recovery is not worth waiting for. It first tries to resume the
// session, and only once the server refuses (it lost the session: restarted after a crash, or the
// node hosting the room died) does it restart it, after a policy wait, with a fixed 2 s wait for
// the peer connections on top. A fresh join of our own gets the video back seconds sooner, so the
// call store starts one as soon as the session is known to be lost:
//   - livekit-client restarts the session (the server refused a resume, or shut down), or it is
//     offline (signalling and peer connections both failed): nothing is left to resume;
//   - the signalling is being resumed while the media watchdog sees the media stopped too: the
//     server itself is gone, since a resume only repairs a lost signalling connection.
// A signalling connection lost alone (media still flowing) is left to the resume: it keeps the
// peer connections, and nobody sees anything.
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { useMediaHealthStore } from './connection-health';

/** Whether a room in `state`, with the media stopped or not, has lost a session worth resuming. */
export function isSessionLost(state: ConnectionState, mediaStalled: boolean): boolean {
  if (state === ConnectionState.Reconnecting) return true;
  return state === ConnectionState.SignalReconnecting && mediaStalled;
}

/**
 * Calls `onLost` once each time `room` loses its session (see above), while `isCurrent()` says the
 * room is still the call's; stops following the room once it is not.
 */
export function followSessionLoss(room: Room, isCurrent: () => boolean, onLost: () => void): void {
  let reported = false;
  const check = () => {
    if (!isCurrent()) {
      stop();
      return;
    }
    if (room.state === ConnectionState.Connected) reported = false;
    if (reported || !isSessionLost(room.state, useMediaHealthStore.getState().mediaStalled)) return;
    reported = true;
    onLost();
  };
  const unsubscribe = useMediaHealthStore.subscribe(check);
  const stop = () => {
    unsubscribe();
    room.off(RoomEvent.ConnectionStateChanged, check).off(RoomEvent.Disconnected, stop);
  };
  room.on(RoomEvent.ConnectionStateChanged, check).on(RoomEvent.Disconnected, stop);
}
