// Maps the `backend:*` IPC channels onto the Meet client, so the Electron main process and the
// browser implementation of the preload API answer every channel the same way.
import type { InvokeChannel, InvokeInput, InvokeOutputs, Result } from './ipc-contract';
import { generateSlug, type MeetClient } from './meet-client';
import type { User } from './meet-types';

export type BackendChannel = Extract<InvokeChannel, `backend:${string}`>;

export interface SessionPort {
  /** Runs the interactive login and resolves with the logged-in user. */
  login(): Promise<Result<User>>;
  /** Ends the session at the API and the IdP, and forgets its cookies. */
  logout(): Promise<Result<null>>;
}

export function isBackendChannel(channel: string): channel is BackendChannel {
  return channel.startsWith('backend:');
}

export async function dispatchBackend<C extends BackendChannel>(
  client: MeetClient,
  session: SessionPort,
  randomBytes: (length: number) => Uint8Array,
  channel: C,
  payload: InvokeInput<C>,
): Promise<Result<InvokeOutputs[C]>> {
  const input = payload as never;
  const handlers: { [K in BackendChannel]: () => Promise<Result<InvokeOutputs[K]>> } = {
    'backend:config': () => client.getConfig(),
    'backend:me': () => client.getMe(),
    'backend:login': () => session.login(),
    'backend:logout': () => session.logout(),
    'backend:rooms:create': () => client.createRoom(input, generateSlug(randomBytes)),
    'backend:rooms:list': () => client.listRooms(input),
    'backend:rooms:get': () => client.getRoom(input),
    'backend:lobby:request-entry': () => client.requestEntry(input),
    'backend:lobby:waiting': () => client.listWaiting(input),
    'backend:lobby:enter': () => client.enter(input),
    'backend:room:toggle-hand': () => client.toggleHand(input),
    'backend:room:rename': () => client.rename(input),
    'backend:room:mute-participant': () => client.muteParticipant(input),
    'backend:room:remove-participant': () => client.removeParticipant(input),
    'backend:room:update-role': () => client.updateRole(input),
    'backend:room:update-participant': () => client.updateParticipant(input),
    'backend:room:patch': () => client.patchRoom(input),
    'backend:room:start-recording': () => client.startRecording(input),
    'backend:room:stop-recording': () => client.stopRecording(input),
    'backend:room:start-subtitle': () => client.startSubtitle(input),
    'backend:diagnostics:connection': () => client.startConnectionTest(),
  };
  return (handlers[channel] as () => Promise<Result<InvokeOutputs[C]>>)();
}

/**
 * The LiveKit URL a backend answer hands out (`/config/`, a room with its grant), or null. Both
 * the desktop's main process and the browser variant learn the LiveKit host from it.
 */
export function livekitUrlIn(value: unknown): string | null {
  if (!value || typeof value !== 'object' || !('livekit' in value)) return null;
  const livekit = value.livekit;
  return livekit && typeof livekit === 'object' && 'url' in livekit && typeof livekit.url === 'string' ? livekit.url : null;
}
