// The typed client of the LaSuite Meet API (../shared/meet-api.md). It knows the endpoints, the
// auth each one takes and the shape of each answer; how bytes travel (Electron session, browser
// fetch, Node in tests) is the transport's business.
import type { z } from 'zod';
import { fail, ok, type InvokeInput, type Result } from './ipc-contract';
import { serverFailure } from './server-errors';
import {
  connectionTestGrantSchema,
  createdFileSchema,
  fileListSchema,
  meetFileSchema,
  lobbyEntrySchema,
  meetConfigSchema,
  roomListSchema,
  roomSchema,
  userSchema,
  waitingListSchema,
  type ConnectionTestGrant,
  type CreatedFile,
  type FileList,
  type FileType,
  type MeetFile,
  type LobbyEntry,
  type MeetConfig,
  type Room,
  type RoomList,
  type User,
  type WaitingParticipant,
} from './meet-types';

export interface TransportRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path below the API base, e.g. `rooms/abc-defg-hij/`. */
  path: string;
  query?: Record<string, string | undefined>;
  body?: unknown;
  /** LiveKit token for the in-call endpoints that take `Authorization: Bearer`. */
  bearer?: string;
  /** After this long without an answer the transport gives up (rejects with a `TimeoutError`). */
  timeoutMs?: number;
}

/** How long any API call may take: a server that keeps the user waiting longer is not answering. */
export const API_TIMEOUT_MS = 30_000;
/** Starting a recording waits for the recorder: a server without one answers only after 20-25 s. */
export const RECORDING_START_TIMEOUT_MS = 60_000;

export interface TransportResponse {
  status: number;
  /** Parsed JSON body, or undefined when the body was empty or not JSON. */
  json: unknown;
  /** Where a redirect (3xx) points, when the transport sees it (logout goes through the provider). */
  location?: string;
}

/**
 * Sends one request to the API. Implementations attach the session cookies, and on unsafe
 * methods the `X-CSRFToken` header and an `Origin` of the instance. They throw only on network
 * failure.
 */
export interface MeetTransport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

export class MeetClient {
  constructor(private readonly transport: MeetTransport) {}

  getConfig(): Promise<Result<MeetConfig>> {
    return this.call({ method: 'GET', path: 'config/' }, meetConfigSchema);
  }

  /** The logged-in user, or null when the session is missing or expired (401). */
  async getMe(): Promise<Result<User | null>> {
    const result = await this.call({ method: 'GET', path: 'users/me/' }, userSchema);
    if (!result.ok && (result.error.code === 'unauthorized' || result.error.code === 'forbidden')) {
      return ok(null);
    }
    return result;
  }

  createRoom(input: InvokeInput<'backend:rooms:create'>, slug: string): Promise<Result<Room>> {
    return this.call(
      { method: 'POST', path: 'rooms/', query: { username: input.username }, body: { name: slug } },
      roomSchema,
    );
  }

  listRooms(input: InvokeInput<'backend:rooms:list'>): Promise<Result<RoomList>> {
    return this.call(
      { method: 'GET', path: 'rooms/', query: { page: input.page?.toString(), page_size: '50' } },
      roomListSchema,
    );
  }

  getRoom(input: InvokeInput<'backend:rooms:get'>): Promise<Result<Room>> {
    return this.call(
      { method: 'GET', path: `rooms/${encodeURIComponent(input.slug)}/`, query: { username: input.username } },
      roomSchema,
    );
  }

  requestEntry(input: InvokeInput<'backend:lobby:request-entry'>): Promise<Result<LobbyEntry>> {
    return this.call(
      { method: 'POST', path: `rooms/${input.roomId}/request-entry/`, body: { username: input.username } },
      lobbyEntrySchema,
    );
  }

  async listWaiting(input: InvokeInput<'backend:lobby:waiting'>): Promise<Result<WaitingParticipant[]>> {
    const result = await this.call(
      { method: 'GET', path: `rooms/${input.roomId}/waiting-participants/` },
      waitingListSchema,
    );
    return result.ok ? ok(result.value.participants) : result;
  }

  enter(input: InvokeInput<'backend:lobby:enter'>): Promise<Result<null>> {
    return this.command({
      method: 'POST',
      path: `rooms/${input.roomId}/enter/`,
      body: { participant_id: input.participantId, allow_entry: input.allowEntry },
    });
  }

  toggleHand(input: InvokeInput<'backend:room:toggle-hand'>): Promise<Result<null>> {
    return this.command({
      method: 'POST',
      path: `rooms/${input.roomId}/toggle-hand/`,
      body: { raised: input.raised },
      bearer: input.token,
    });
  }

  rename(input: InvokeInput<'backend:room:rename'>): Promise<Result<null>> {
    return this.command({
      method: 'POST',
      path: `rooms/${input.roomId}/rename/`,
      body: { name: input.name },
      bearer: input.token,
    });
  }

  muteParticipant(input: InvokeInput<'backend:room:mute-participant'>): Promise<Result<null>> {
    return this.command({
      method: 'POST',
      path: `rooms/${input.roomId}/mute-participant/`,
      body: { participant_identity: input.identity, track_sid: input.trackSid },
      ...(input.token ? { bearer: input.token } : {}),
    });
  }

  removeParticipant(input: InvokeInput<'backend:room:remove-participant'>): Promise<Result<null>> {
    return this.command({
      method: 'POST',
      path: `rooms/${input.roomId}/remove-participant/`,
      body: { participant_identity: input.identity },
    });
  }

  updateRole(input: InvokeInput<'backend:room:update-role'>): Promise<Result<null>> {
    return this.command({
      method: 'POST',
      path: `rooms/${input.roomId}/update-participant-role/`,
      body: { participant_identity: input.identity, role: input.role },
    });
  }

  updateParticipant(input: InvokeInput<'backend:room:update-participant'>): Promise<Result<null>> {
    const { permission, attributes } = input;
    return this.command({
      method: 'POST',
      path: `rooms/${input.roomId}/update-participant/`,
      body: {
        participant_identity: input.identity,
        ...(attributes ? { attributes } : {}),
        ...(permission
          ? {
              permission: {
                can_subscribe: permission.canSubscribe,
                can_publish: permission.canPublish,
                can_publish_data: permission.canPublishData,
                can_update_metadata: permission.canUpdateMetadata,
                can_subscribe_metrics: permission.canSubscribeMetrics,
                can_publish_sources: permission.canPublishSources,
              },
            }
          : {}),
      },
    });
  }

  patchRoom(input: InvokeInput<'backend:room:patch'>): Promise<Result<Room>> {
    const body: Record<string, unknown> = {};
    if (input.accessLevel) body.access_level = input.accessLevel;
    if (input.configuration) body.configuration = input.configuration;
    return this.call({ method: 'PATCH', path: `rooms/${input.roomId}/`, body }, roomSchema);
  }

  startRecording(input: InvokeInput<'backend:room:start-recording'>): Promise<Result<null>> {
    return this.command({
      method: 'POST',
      timeoutMs: RECORDING_START_TIMEOUT_MS,
      path: `rooms/${input.roomId}/start-recording/`,
      body: {
        mode: input.mode,
        ...(input.language ? { options: { language: input.language, transcribe: input.mode === 'transcript' } } : {}),
      },
    });
  }

  stopRecording(input: InvokeInput<'backend:room:stop-recording'>): Promise<Result<null>> {
    return this.command({ method: 'POST', path: `rooms/${input.roomId}/stop-recording/` });
  }

  startSubtitle(input: InvokeInput<'backend:room:start-subtitle'>): Promise<Result<null>> {
    return this.command({ method: 'POST', path: `rooms/${input.roomId}/start-subtitle/`, bearer: input.token });
  }

  /** A short-lived grant for a test room; 404 when the instance turned the connection test off. */
  startConnectionTest(): Promise<Result<ConnectionTestGrant>> {
    return this.call({ method: 'POST', path: 'diagnostics/connection/' }, connectionTestGrantSchema);
  }

  /** The caller's files (404 while the instance has `FILE_UPLOAD_ENABLED` off). */
  listFiles(input: { type?: FileType; page?: number; pageSize?: number } = {}): Promise<Result<FileList>> {
    return this.call(
      {
        method: 'GET',
        path: 'files/',
        query: {
          is_creator_me: 'true',
          is_deleted: 'false',
          type: input.type,
          page: input.page?.toString(),
          page_size: input.pageSize?.toString(),
        },
      },
      fileListSchema,
    );
  }

  /** Declares a file; its bytes then go to the answer's `policy`, then `fileUploadEnded`. */
  createFile(input: { filename: string; type: FileType; title?: string }): Promise<Result<CreatedFile>> {
    return this.call({ method: 'POST', path: 'files/', body: { filename: input.filename, type: input.type, title: input.title } }, createdFileSchema);
  }

  /** The server checks the uploaded size and type: 400 (and the file is gone) when refused. */
  fileUploadEnded(fileId: string): Promise<Result<MeetFile>> {
    return this.call({ method: 'POST', path: `files/${encodeURIComponent(fileId)}/upload-ended/` }, meetFileSchema);
  }

  deleteFile(fileId: string): Promise<Result<null>> {
    return this.command({ method: 'DELETE', path: `files/${encodeURIComponent(fileId)}/` });
  }

  private async command(request: TransportRequest): Promise<Result<null>> {
    const response = await this.exchange(request);
    return response.ok ? ok(null) : response;
  }

  private async call<S extends z.ZodType>(request: TransportRequest, schema: S): Promise<Result<z.infer<S>>> {
    const response = await this.exchange(request);
    if (!response.ok) return response;
    const parsed = schema.safeParse(response.value.json);
    if (!parsed.success) {
      return fail('invalid_response', response.value.status, parsed.error.issues[0]?.message);
    }
    return ok(parsed.data);
  }

  private async exchange(request: TransportRequest): Promise<Result<TransportResponse>> {
    let response: TransportResponse;
    try {
      response = await this.transport.send({ ...request, timeoutMs: request.timeoutMs ?? API_TIMEOUT_MS });
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (isTimeout(error)) return { ok: false, error: { code: 'network', detail, reason: 'timeout' } };
      return fail('network', undefined, detail);
    }
    if (response.status >= 200 && response.status < 300) return ok(response);
    return serverFailure(response.status, response.json);
  }
}

function isTimeout(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  return name === 'TimeoutError' || name === 'AbortError';
}

/** Builds the query string of a request, dropping absent values. */
export function buildUrl(apiBase: string, request: Pick<TransportRequest, 'path' | 'query'>): string {
  const url = new URL(request.path, apiBase.endsWith('/') ? apiBase : `${apiBase}/`);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

/** A new room slug in Meet's format `abc-defg-hij`, from a source of random bytes. */
export function generateSlug(randomBytes: (length: number) => Uint8Array): string {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const bytes = randomBytes(10);
  const pick = (index: number) => letters[(bytes[index] ?? 0) % letters.length];
  const part = (from: number, length: number) =>
    Array.from({ length }, (_, offset) => pick(from + offset)).join('');
  return `${part(0, 3)}-${part(3, 4)}-${part(7, 3)}`;
}
