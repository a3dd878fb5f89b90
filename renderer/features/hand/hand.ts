// Raising a hand goes through the API (tokens cannot set their own attributes); the backend
// writes `handRaisedAt` and every client, Meet's web app included, sees it.
import type { Participant } from 'livekit-client';
import type { AppError } from '../../../common/ipc-contract';
import { invoke } from '../../platform/visio';
import { connectedCall, currentCall, isCall } from '../call/connected-call';

export function isHandRaised(participant: Participant | undefined): boolean {
  return Boolean(participant?.attributes.handRaisedAt);
}

export async function setHandRaised(raised: boolean): Promise<AppError | null> {
  if (!currentCall()) return null;
  const call = connectedCall();
  if (!isCall(call)) return call;
  const result = await invoke('backend:room:toggle-hand', { roomId: call.roomId, token: call.token, raised });
  return result.ok ? null : result.error;
}

/** Raised hands, first raised first. */
export function raisedHandsInOrder<T extends { attributes: Readonly<Record<string, string>> }>(participants: readonly T[]): T[] {
  return participants
    .filter((participant) => Boolean(participant.attributes.handRaisedAt))
    .sort((a, b) => Date.parse(a.attributes.handRaisedAt ?? '') - Date.parse(b.attributes.handRaisedAt ?? ''));
}
