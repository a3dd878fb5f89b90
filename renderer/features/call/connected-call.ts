// The call the in-call API actions act on. Those taking the LiveKit token (Bearer) are refused
// by the server unless the caller is live in the LiveKit room, so they wait for a connection.
import type { AppError } from '../../../common/ipc-contract';
import { roomKey } from '../../../common/meet-types';
import { useMeetingStore } from '../meeting/meeting-store';
import { currentCallStatus } from './call-status';

export interface CurrentCall {
  roomId: string;
  token: string;
}

export const NOT_IN_CALL: AppError = { code: 'invalid_input', detail: 'not in a call' };
export const NOT_CONNECTED: AppError = { code: 'unavailable', detail: 'not connected to the LiveKit room', reason: 'not_connected' };

/** The meeting the user is in, connected or not (session actions do not need the connection). */
export function currentCall(): CurrentCall | null {
  const phase = useMeetingStore.getState().phase;
  return phase.name === 'call' ? { roomId: roomKey(phase.room), token: phase.grant.token } : null;
}

/** The call, for an action that sends the LiveKit token; an error while not connected. */
export function connectedCall(): CurrentCall | AppError {
  const call = currentCall();
  if (!call) return NOT_IN_CALL;
  return currentCallStatus().status === 'connected' ? call : NOT_CONNECTED;
}

export function isCall(value: CurrentCall | AppError): value is CurrentCall {
  return 'token' in value;
}
