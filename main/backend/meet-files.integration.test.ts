// The files API (`FILE_UPLOAD_ENABLED`) through the Meet client and the Node transport, against
// the devstack: declare, upload to the presigned URL, end the upload, read back, delete; and the
// instance's refusals (extension, size, type, someone else's file, feature off).
import { randomBytes } from 'node:crypto';
import { dispose } from '@livekit/rtc-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MeetClient } from '../../common/meet-client';
import type { CreatedFile } from '../../common/meet-types';
import { startDevstack, type Devstack } from '../../devstack/index';
import { loginWithPassword } from './node-password-login';
import { NodeTransport } from './node-transport';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngBytes(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  bytes.set(randomBytes(length));
  bytes.set(PNG_SIGNATURE);
  return bytes;
}

let devstack: Devstack;
let ownerTransport: NodeTransport;
let owner: MeetClient;
let otherTransport: NodeTransport;
let other: MeetClient;

async function loggedIn(index: number): Promise<NodeTransport> {
  const transport = new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl });
  const user = devstack.users[index];
  if (!user) throw new Error(`the devstack has no user ${index}`);
  expect(await loginWithPassword(transport, { apiBaseUrl: devstack.apiBaseUrl, ...user })).toEqual({ ok: true, value: null });
  return transport;
}

async function created(filename: string): Promise<CreatedFile> {
  const result = await owner.createFile({ filename, type: 'background_image' });
  if (!result.ok) throw new Error(`file not created: ${JSON.stringify(result.error)}`);
  return result.value;
}

function upload(policy: string, bytes: Uint8Array<ArrayBuffer>, contentType = 'image/png'): Promise<Response> {
  return fetch(policy, { method: 'PUT', headers: { 'X-amz-acl': 'private', 'Content-Type': contentType }, body: bytes });
}

async function media(transport: NodeTransport, path: string): Promise<Response> {
  const url = new URL(path, devstack.origin).toString();
  return fetch(url, { headers: { Cookie: await transport.cookieJar.getCookieString(url) } });
}

beforeAll(async () => {
  devstack = await startDevstack({ settings: { fileUpload: true } });
  ownerTransport = await loggedIn(0);
  owner = new MeetClient(ownerTransport);
  otherTransport = await loggedIn(1);
  other = new MeetClient(otherTransport);
});

afterAll(async () => {
  await devstack?.stop();
  await dispose();
});

describe('files API', () => {
  it('announces the feature and its limits in config/', async () => {
    const config = await owner.getConfig();
    expect(config.ok && config.value.background_image).toEqual({
      upload_is_enabled: true,
      max_count_by_user: 10,
      max_size: 2_097_152,
      allowed_extensions: ['.jpeg', '.jpg', '.png'],
      allowed_mimetypes: ['image/jpeg', 'image/png'],
    });
  });

  it('takes a file through declare, upload, upload-ended, listing, download and delete', async () => {
    const file = await created('Bureau du matin.PNG');
    expect(file).toMatchObject({ title: 'Bureau du matin', upload_state: 'pending', url: null, mimetype: null, size: null });
    expect(new URL(file.policy).pathname).toBe(`/meet-media-storage/tmp/files/${file.id}.PNG`);
    const bytes = pngBytes(5_000);
    expect((await upload(file.policy, bytes)).status).toBe(200);

    const ready = await owner.fileUploadEnded(file.id);
    expect(ready.ok && ready.value).toMatchObject({ upload_state: 'ready', mimetype: 'image/png', size: 5_000, url: `/media/files/${file.id}.PNG` });
    expect(await owner.fileUploadEnded(file.id)).toMatchObject({
      ok: false,
      error: { status: 400, serverMessage: 'file: This action is only available for files in PENDING state.' },
    });

    const listed = await owner.listFiles({ type: 'background_image' });
    expect(listed.ok && listed.value.results.map((entry) => entry.id)).toContain(file.id);
    const downloaded = await media(ownerTransport, `/media/files/${file.id}.PNG`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(bytes);

    // Private to their creator, as upstream's abilities and media-auth decide.
    expect((await media(otherTransport, `/media/files/${file.id}.PNG`)).status).toBe(403);
    const othersList = await other.listFiles();
    expect(othersList.ok && othersList.value.results).toEqual([]);
    expect(await other.deleteFile(file.id)).toMatchObject({ ok: false, error: { status: 404 } });

    expect(await owner.deleteFile(file.id)).toEqual({ ok: true, value: null });
    const afterDelete = await owner.listFiles();
    expect(afterDelete.ok && afterDelete.value.results.map((entry) => entry.id)).not.toContain(file.id);
    expect((await media(ownerTransport, `/media/files/${file.id}.PNG`)).status).toBe(403);
  });

  it('refuses an extension the instance does not allow before any upload', async () => {
    expect(await owner.createFile({ filename: 'notes.pdf', type: 'background_image' })).toMatchObject({
      ok: false,
      error: { status: 400, code: 'invalid_input', serverMessage: 'filename: This file extension is not allowed.' },
    });
  });

  it('refuses, and forgets, an upload larger than the limit or of another type', async () => {
    const tooLarge = await created('large.png');
    expect((await upload(tooLarge.policy, pngBytes(2_097_153))).status).toBe(200);
    expect(await owner.fileUploadEnded(tooLarge.id)).toMatchObject({
      ok: false,
      error: { status: 400, serverMessage: 'The file size is higher than the allowed max size.' },
    });

    const disguised = await created('disguised.png');
    expect((await upload(disguised.policy, new TextEncoder().encode('%PDF-1.7 not an image'))).status).toBe(200);
    expect(await owner.fileUploadEnded(disguised.id)).toMatchObject({
      ok: false,
      error: { status: 400, serverMessage: 'The file type is not allowed.' },
    });

    const listed = await owner.listFiles();
    const ids = listed.ok ? listed.value.results.map((entry) => entry.id) : [];
    expect(ids).not.toContain(tooLarge.id);
    expect(ids).not.toContain(disguised.id);
  });

  it('accepts an upload only with its own signature', async () => {
    const file = await created('signed.png');
    const forged = new URL(file.policy);
    forged.searchParams.set('X-Amz-Signature', '0'.repeat(64));
    expect((await upload(forged.toString(), pngBytes(100))).status).toBe(403);
    expect((await fetch(file.policy, { method: 'PUT', body: pngBytes(100) })).status).toBe(403);
  });

  it('answers 404 everywhere while the instance has file upload off', async () => {
    devstack.settings.fileUpload = false;
    try {
      expect(await owner.listFiles()).toMatchObject({ ok: false, error: { status: 404, code: 'not_found' } });
      expect(await owner.createFile({ filename: 'a.png', type: 'background_image' })).toMatchObject({ ok: false, error: { status: 404 } });
      const config = await owner.getConfig();
      expect(config.ok && config.value.background_image?.upload_is_enabled).toBe(false);
    } finally {
      devstack.settings.fileUpload = true;
    }
  });

  it('asks for a session', async () => {
    const anonymous = new MeetClient(new NodeTransport({ apiBaseUrl: devstack.apiBaseUrl }));
    expect(await anonymous.listFiles()).toMatchObject({ ok: false, error: { status: 401, code: 'unauthorized' } });
  });
});
