// How a call ends: left by the user, ended by the server (removed, room closed, joined
// elsewhere), lost for good after the rejoin attempts, or dropped as the call screen goes away.
import { ConnectionState } from 'livekit-client';
import { useMeetingStore, type CallEndReason } from '../meeting/meeting-store';
import { rejoinWait, useCallLifecycleStore } from './call-lifecycle-store';

/** The call is over: no room any more, and the meeting moves to its ended screen. */
export function endCall(reason: CallEndReason): void {
  useCallLifecycleStore.setState({ phase: 'idle', room: null });
  useMeetingStore.getState().end(reason);
}

/** Leaves the call: the room's disconnection then ends the meeting as "left". */
export async function leaveCall(): Promise<void> {
  const room = useCallLifecycleStore.getState().room;
  useCallLifecycleStore.setState({ phase: 'idle', nextRejoinAt: null });
  rejoinWait.skip();
  if (room && room.state !== ConnectionState.Disconnected) await room.disconnect();
  // A joined room's disconnection ended the call already (call-lifecycle.ts); a room still being
  // joined, such as a rejoin attempt under way, says nothing of it: the call ends here.
  if (useCallLifecycleStore.getState().room === room) endCall('left');
}

/** Drops the room without ending the meeting phase (used when the call screen goes away). */
export function releaseCall(): void {
  const room = useCallLifecycleStore.getState().room;
  useCallLifecycleStore.setState({ room: null, phase: 'idle', nextRejoinAt: null });
  // A rejoin waiting for its turn sees the call is over and stops.
  rejoinWait.skip();
  if (room) {
    room.removeAllListeners();
    void room.disconnect();
  }
}
