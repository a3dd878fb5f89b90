// Every answer a real LaSuite Meet 1.27.0 gave (../shared/meet-contract/) for the endpoints this
// client calls goes through the client itself: success bodies must parse, error bodies must
// become the typed error of their status with the server's reason.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MeetClient, type TransportRequest, type TransportResponse } from '../../common/meet-client';
import { errorCodeForStatus, serverMessageOf } from '../../common/server-errors';

const CONTRACT_FALLBACK = '/work/shared/meet-contract';

/** `VISIO_MEET_CONTRACT`, else a `shared/meet-contract` beside the repository or one of its parents. */
export function findContractFolder(start: string, environment: NodeJS.ProcessEnv = process.env): string | null {
  const configured = environment.VISIO_MEET_CONTRACT;
  if (configured) return existsSync(configured) ? configured : null;
  for (let directory = resolve(start); ; directory = dirname(directory)) {
    const candidate = join(directory, 'shared', 'meet-contract');
    if (existsSync(candidate)) return candidate;
    if (dirname(directory) === directory) break;
  }
  return existsSync(CONTRACT_FALLBACK) ? CONTRACT_FALLBACK : null;
}

interface Exchange {
  situation: string;
  actor: string;
  request: { method: string; path: string; body?: unknown };
  response: { status: number; body: unknown };
}

type Call = (client: MeetClient) => Promise<{ ok: boolean; error?: unknown }>;

const token = 'x'.repeat(20);
const roomId = '6f1c1f4e-0000-4000-8000-000000000000';

/** The client method that calls each endpoint file's path. */
const CALLS: Record<string, Call> = {
  'config.json': (client) => client.getConfig(),
  'users-me.json': (client) => client.getMe(),
  'rooms-create.json': (client) => client.createRoom({}, 'abc-defg-hij'),
  'rooms-list.json': (client) => client.listRooms({}),
  'rooms-retrieve.json': (client) => client.getRoom({ slug: 'abc-defg-hij' }),
  'rooms-partial-update.json': (client) => client.patchRoom({ roomId, accessLevel: 'public' }),
  'rooms-request-entry.json': (client) => client.requestEntry({ roomId, username: 'Invité' }),
  'rooms-waiting-participants.json': (client) => client.listWaiting({ roomId }),
  'rooms-enter.json': (client) => client.enter({ roomId, participantId: 'p', allowEntry: true }),
  'rooms-toggle-hand.json': (client) => client.toggleHand({ roomId, token, raised: true }),
  'rooms-rename.json': (client) => client.rename({ roomId, token, name: 'Nom' }),
  'rooms-mute-participant.json': (client) => client.muteParticipant({ roomId, identity: 'i', trackSid: 'TR_x' }),
  'rooms-remove-participant.json': (client) => client.removeParticipant({ roomId, identity: 'i' }),
  'rooms-update-participant-role.json': (client) => client.updateRole({ roomId, identity: 'i', role: 'member' }),
  'rooms-start-recording.json': (client) => client.startRecording({ roomId, mode: 'screen_recording' }),
  'rooms-stop-recording.json': (client) => client.stopRecording({ roomId }),
  'rooms-start-subtitle.json': (client) => client.startSubtitle({ roomId, token }),
  'diagnostics-connection.json': (client) => client.startConnectionTest(),
};

/** Recorded files of endpoints the client does not call through the API client (browser navigations, tests). */
const NOT_CALLED = new Set([
  'authenticate.json',
  'authenticate-callback.json',
  'logout.json',
  'livekit-token-claims.json',
  'room-data-packets.json',
]);

function clientAnswering(response: TransportResponse): MeetClient {
  return new MeetClient({ send: (_request: TransportRequest) => Promise.resolve(response) });
}

const folder = findContractFolder(dirname(fileURLToPath(import.meta.url)));

describe('the recorded answers of a real LaSuite Meet', () => {
  it('are found (a missing recording is a failure, not a skip)', () => {
    expect(folder, 'set VISIO_MEET_CONTRACT or put shared/meet-contract beside the repository').not.toBeNull();
  });

  const files = folder ? readdirSync(folder).filter((name) => name.endsWith('.json')).sort() : [];

  it('are all known: each endpoint file is either called by the client or listed as not called', () => {
    expect(files.length).toBeGreaterThanOrEqual(21);
    expect(files.filter((name) => !(name in CALLS) && !NOT_CALLED.has(name))).toEqual([]);
  });

  for (const file of files.filter((name) => name in CALLS)) {
    const call = CALLS[file]!;
    const exchanges = JSON.parse(readFileSync(join(folder!, file), 'utf8')) as Exchange[];
    // The client always writes the trailing slash: the 301 towards it never reaches it.
    const answered = exchanges.filter(({ response }) => response.status < 300 || response.status >= 400);

    describe(file, () => {
      it('holds exchanges', () => expect(answered.length).toBeGreaterThan(0));

      for (const { situation, actor, response } of answered) {
        it(`${response.status} ${actor}: ${situation}`, async () => {
          const result = await call(clientAnswering({ status: response.status, json: response.body ?? undefined }));
          if (response.status < 300) {
            expect(result).toMatchObject({ ok: true });
            return;
          }
          if (file === 'users-me.json' && response.status === 401) {
            // Not logged in is an answer, not a failure.
            expect(result).toEqual({ ok: true, value: null });
            return;
          }
          const reason = serverMessageOf(response.body);
          expect(reason, 'every recorded error body says why').toBeTruthy();
          expect(result).toEqual({
            ok: false,
            error: expect.objectContaining({
              code: errorCodeForStatus(response.status),
              status: response.status,
              serverMessage: reason,
            }),
          });
        });
      }
    });
  }
});

describe('findContractFolder', () => {
  it('takes VISIO_MEET_CONTRACT first, and reports a configured folder that is missing', () => {
    expect(findContractFolder('/', { VISIO_MEET_CONTRACT: '/nonexistent/meet-contract' })).toBeNull();
    if (folder) expect(findContractFolder('/', { VISIO_MEET_CONTRACT: folder })).toBe(folder);
  });
});
