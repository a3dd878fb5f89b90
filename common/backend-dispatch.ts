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

/** One answer per channel, typed by its own input and output. */
export type ChannelHandlers<C extends InvokeChannel> = {
  [K in C]: (payload: InvokeInput<K>) => Promise<Result<InvokeOutputs[K]>>;
};

/** Every `backend:*` channel's answer, through the Meet client and the login session. */
export function backendHandlers(
  client: MeetClient,
  session: SessionPort,
  randomBytes: (length: number) => Uint8Array,
): ChannelHandlers<BackendChannel> {
  return {
    'backend:config': () => client.getConfig(),
    'backend:me': () => client.getMe(),
    'backend:login': () => session.login(),
    'backend:logout': () => session.logout(),
    'backend:rooms:create': (input) => client.createRoom(input, generateSlug(randomBytes)),
    'backend:rooms:list': (input) => client.listRooms(input),
    'backend:rooms:get': (input) => client.getRoom(input),
    'backend:lobby:request-entry': (input) => client.requestEntry(input),
    'backend:lobby:waiting': (input) => client.listWaiting(input),
    'backend:lobby:enter': (input) => client.enter(input),
    'backend:room:toggle-hand': (input) => client.toggleHand(input),
    'backend:room:rename': (input) => client.rename(input),
    'backend:room:mute-participant': (input) => client.muteParticipant(input),
    'backend:room:remove-participant': (input) => client.removeParticipant(input),
    'backend:room:update-role': (input) => client.updateRole(input),
    'backend:room:update-participant': (input) => client.updateParticipant(input),
    'backend:room:patch': (input) => client.patchRoom(input),
    'backend:room:start-recording': (input) => client.startRecording(input),
    'backend:room:stop-recording': (input) => client.stopRecording(input),
    'backend:room:start-subtitle': (input) => client.startSubtitle(input),
    'backend:diagnostics:connection': () => client.startConnectionTest(),
  };
}

export async function dispatchBackend<C extends BackendChannel>(
  client: MeetClient,
  session: SessionPort,
  randomBytes: (length: number) => Uint8Array,
  channel: C,
  payload: InvokeInput<C>,
): Promise<Result<InvokeOutputs[C]>> {
  const handlers: ChannelHandlers<BackendChannel> = backendHandlers(client, session, randomBytes);
  const handler: ChannelHandlers<BackendChannel>[C] = handlers[channel];
  return handler(payload);
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
