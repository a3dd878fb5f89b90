// When livekit-client's own recovery is not worth waiting for. It first tries to resume the
// session, and only once the server refuses (it lost the session: restarted after a crash, or the
// node hosting the room died) does it restart it, after a policy wait, with a fixed 2 s wait for
// the peer connections on top. A fresh join of our own gets the video back seconds sooner, so the
// call store starts one as soon as the session is known to be lost:
//   - livekit-client restarts the session (the server refused a resume, or shut down), or it is
//     offline (signalling and peer connections both failed): nothing is left to resume;
//   - the signalling is being resumed while the media watchdog sees the media stopped too: the
//     server itself is gone, since a resume only repairs a lost signalling connection;
//   - the signalling still looks fine but ICE has lost the media path while LiveKit still answers
//     over the same network: the node that holds the room is gone (in a cluster, our signalling
//     may end on another node, which answers pings for as long as it relays to the dead one,
//     8 to 11 s) or the media path alone is blocked. A network cut (nothing answers) is left to
//     livekit-client's resume, which keeps the peer connections.
// A signalling connection lost alone (media still flowing) is left to the resume: it keeps the
// peer connections, and nobody sees anything.
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { nextMediaSample, useMediaHealthStore } from './connection-health';

/** Whether the LiveKit server of the room answers now (see server-probe.ts). */
export type ServerProbe = () => Promise<boolean>;

/** Between two probes of a server that did not answer, while the media path stays lost. */
export const PROBE_INTERVAL_MS = 1_000;
/** How long an answer waits for the watchdog's next sample (one comes every 500 ms). */
export const CONFIRM_TIMEOUT_MS = 2_000;

/** Whether a room in `state`, with the media stopped or not, has lost a session worth resuming. */
export function isSessionLost(state: ConnectionState, mediaStalled: boolean): boolean {
  if (state === ConnectionState.Reconnecting) return true;
  return state === ConnectionState.SignalReconnecting && mediaStalled;
}

/**
 * Calls `onLost` once each time `room` loses its session (see above), while `isCurrent()` says the
 * room is still the call's; stops following the room once it is not. Without `probeServer`, a
 * lost media path under a connected signalling is left alone.
 */
export function followSessionLoss(room: Room, isCurrent: () => boolean, onLost: () => void, probeServer?: ServerProbe): void {
  let reported = false;
  let probing = false;
  let followed = true;
  const pathLostUnderSignalling = () => room.state === ConnectionState.Connected && useMediaHealthStore.getState().mediaPathLost;
  const report = () => {
    reported = true;
    onLost();
  };
  const probeWhilePathLost = async (probe: ServerProbe) => {
    probing = true;
    try {
      while (followed && !reported && isCurrent() && pathLostUnderSignalling()) {
        const answers = await probe();
        // A link coming back after a cut lets a held probe through: the media arrives again too,
        // which the next sample shows. Only a path still lost then is the server's.
        if (answers) await nextMediaSample(CONFIRM_TIMEOUT_MS);
        if (!followed || reported || !isCurrent() || !pathLostUnderSignalling()) return;
        if (answers) {
          report();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
      }
    } finally {
      probing = false;
    }
  };
  const check = () => {
    if (!isCurrent()) {
      stop();
      return;
    }
    const { mediaStalled } = useMediaHealthStore.getState();
    if (room.state === ConnectionState.Connected && !mediaStalled) reported = false;
    if (reported) return;
    if (isSessionLost(room.state, mediaStalled)) report();
    else if (probeServer && !probing && pathLostUnderSignalling()) void probeWhilePathLost(probeServer);
  };
  const unsubscribe = useMediaHealthStore.subscribe(check);
  const stop = () => {
    followed = false;
    unsubscribe();
    room.off(RoomEvent.ConnectionStateChanged, check).off(RoomEvent.Disconnected, stop);
  };
  room.on(RoomEvent.ConnectionStateChanged, check).on(RoomEvent.Disconnected, stop);
}
