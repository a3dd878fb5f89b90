import { describe, expect, it } from 'vitest';
import { MeetClient, API_TIMEOUT_MS, RECORDING_START_TIMEOUT_MS, type TransportRequest } from './meet-client';
import { reasonOf, serverError, serverMessageOf } from './server-errors';

describe('serverMessageOf', () => {
  it('reads every shape the API answers errors in', () => {
    expect(serverMessageOf({ detail: 'No Room matches the given query.' })).toBe('No Room matches the given query.');
    expect(serverMessageOf({ error: 'Participant not found' })).toBe('Participant not found');
    expect(serverMessageOf({ message: 'Participant was updated.' })).toBe('Participant was updated.');
    expect(serverMessageOf({ slug: ['Room with this Slug already exists.'] })).toBe('slug: Room with this Slug already exists.');
    expect(
      serverMessageOf({ configuration: [{ type: 'extra_forbidden', loc: ['foo'], msg: 'Extra inputs are not permitted' }] }),
    ).toBe('configuration: Extra inputs are not permitted');
    expect(serverMessageOf(['The file size is higher than the allowed max size.'])).toBe(
      'The file size is higher than the allowed max size.',
    );
    expect(serverMessageOf({ file: 'This action is only available for files in PENDING state.' })).toBe(
      'file: This action is only available for files in PENDING state.',
    );
  });

  it('says nothing for an empty or unreadable body', () => {
    expect(serverMessageOf(undefined)).toBeUndefined();
    expect(serverMessageOf({})).toBeUndefined();
    expect(serverMessageOf({ detail: 3 })).toBeUndefined();
  });

  it('keeps the sentence short', () => {
    expect(serverMessageOf({ detail: 'x'.repeat(10_000) })?.length).toBe(300);
  });
});

describe('serverError', () => {
  it('keeps the status, the code and the server’s words, and recognises known reasons', () => {
    expect(serverError(403, { error: 'Room owners cannot be demoted.' })).toEqual({
      code: 'forbidden',
      status: 403,
      detail: 'Room owners cannot be demoted.',
      serverMessage: 'Room owners cannot be demoted.',
      reason: 'owner_demotion',
    });
    expect(serverError(502, { error: 'Recording failed to start for room abc-defg-hij' }).reason).toBe('recording_failed_to_start');
    expect(serverError(409, { error: 'A recording is already in progress for room abc' }).reason).toBe('recording_in_progress');
    expect(serverError(500, null)).toEqual({ code: 'server', status: 500 });
  });

  it('tells a participant without account from one who left', () => {
    expect(reasonOf('This participant has no user account and cannot be assigned a role.')).toBe('participant_without_account');
    expect(reasonOf('Participant is not connected to this meeting.')).toBe('participant_not_in_call');
    expect(reasonOf('You must be connected to the meeting to perform this action.')).toBe('caller_not_in_call');
    expect(reasonOf('Something else')).toBeUndefined();
  });
});

describe('MeetClient time limit', () => {
  it('gives every request a time limit, a longer one to start a recording', async () => {
    const seen: TransportRequest[] = [];
    const client = new MeetClient({
      send: (request) => {
        seen.push(request);
        return Promise.resolve({ status: 200, json: {} });
      },
    });
    await client.stopRecording({ roomId: 'r' });
    await client.startRecording({ roomId: 'r', mode: 'screen_recording' });
    expect(seen.map((request) => request.timeoutMs)).toEqual([API_TIMEOUT_MS, RECORDING_START_TIMEOUT_MS]);
    expect(RECORDING_START_TIMEOUT_MS).toBeGreaterThan(25_000);
  });

  it('turns a transport that gave up into a "did not answer" error', async () => {
    const client = new MeetClient({ send: () => Promise.reject(new DOMException('timed out', 'TimeoutError')) });
    const result = await client.getConfig();
    expect(result).toEqual({ ok: false, error: { code: 'network', detail: 'timed out', reason: 'timeout' } });
  });

  it('keeps other network failures as they are', async () => {
    const client = new MeetClient({ send: () => Promise.reject(new TypeError('fetch failed')) });
    expect(await client.getConfig()).toEqual({ ok: false, error: { code: 'network', detail: 'fetch failed' } });
  });
});
