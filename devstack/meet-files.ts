// Meet's files API (`/api/v1.0/files/`, `FILE_UPLOAD_ENABLED`) as LaSuite Meet 1.27 serves it:
// a user's own uploads (the custom background images of the effects panel), private to their
// creator. Creating a file answers a presigned PUT URL (`policy`) on the object storage; the
// client uploads there, then calls `upload-ended/`, which checks the size and the detected type
// against the instance's restrictions. Files are then served under `/media/` to their creator only
// (nginx asks `files/media-auth/`). The object storage is a folder of the stack's data directory.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { dirname, extname, join, parse } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { detectMimetype } from './file-mimetype';
import { detailError, fieldErrors, HttpError, TEXT } from './meet-errors';
import { sendJson, type RequestContext } from './meet-http';
import { paginate } from './meet-pagination';
import { readRequestFields } from './request-body';
import type { StoredUser } from './store';

export const FILE_TYPES = ['background_image'] as const;
export type FileType = (typeof FILE_TYPES)[number];
const UPLOAD_STATES = ['pending', 'analyzing', 'ready'] as const;
type UploadState = (typeof UPLOAD_STATES)[number];

export interface FileRestrictions {
  maxSize: number;
  maxCountByUser: number;
  allowedExtensions: readonly string[];
  allowedMimetypes: readonly string[];
}

/** `FILE_UPLOAD_RESTRICTIONS`, upstream's defaults. */
export const FILE_UPLOAD_RESTRICTIONS: Readonly<Record<FileType, FileRestrictions>> = {
  background_image: {
    maxSize: 2 * 1024 * 1024,
    maxCountByUser: 10,
    allowedExtensions: ['.jpeg', '.jpg', '.png'],
    allowedMimetypes: ['image/jpeg', 'image/png'],
  },
};

/** The `background_image` entry of `config/`. */
export function backgroundImageConfig(uploadEnabled: boolean) {
  const restrictions = FILE_UPLOAD_RESTRICTIONS.background_image;
  return {
    upload_is_enabled: uploadEnabled,
    max_count_by_user: restrictions.maxCountByUser,
    max_size: restrictions.maxSize,
    allowed_extensions: [...restrictions.allowedExtensions],
    allowed_mimetypes: [...restrictions.allowedMimetypes],
  };
}

const BUCKET = 'meet-media-storage';
const UPLOAD_PATH = 'files';
const UPLOAD_TMP_PATH = 'tmp/files';
const MEDIA_PREFIX = '/media/';
const POLICY_EXPIRATION_SECONDS = 60;
const MIMETYPE_HEAD_BYTES = 2048;
/** The storage of the stack refuses bigger bodies, so a runaway test fails fast. */
const MAX_STORED_BYTES = 64 * 1024 * 1024;
const TITLE_MAX_LENGTH = 255;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ORDERING_FIELDS = new Set(['created_at', 'updated_at', 'title']);

interface StoredFile {
  id: string;
  type: FileType;
  title: string;
  description: string | null;
  creatorId: string;
  filename: string;
  uploadState: UploadState;
  mimetype: string | null;
  size: number | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  hardDeletedAt: string | null;
}

export interface FilesApiOptions {
  origin: string;
  /** Folder standing for the object storage bucket. */
  directory: string;
  /** `FILE_UPLOAD_ENABLED`, read at every request. */
  isEnabled(): boolean;
  /** The logged-in caller (session + CSRF), or a 401. */
  sessionUser(context: RequestContext): StoredUser;
  /** The logged-in caller of a request, if any, without the CSRF check (safe requests). */
  currentUser(context: RequestContext): StoredUser | undefined;
  userById(id: string): StoredUser | undefined;
}

/** DRF's DateTimeField: microseconds and `Z`. */
function timestamp(): string {
  return new Date().toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

function keyExtension(filename: string): string {
  return extname(filename);
}

function fileKey(file: StoredFile): string {
  return `${UPLOAD_PATH}/${file.id}${keyExtension(file.filename)}`;
}

function temporaryFileKey(file: StoredFile): string {
  return `${UPLOAD_TMP_PATH}/${file.id}${keyExtension(file.filename)}`;
}

function abilities(file: StoredFile, user: StoredUser) {
  const isCreator = file.creatorId === user.id;
  const isDeleted = file.deletedAt !== null;
  const canUpdate = isCreator && !isDeleted;
  return {
    destroy: isCreator && !isDeleted,
    hard_delete: isCreator,
    retrieve: isCreator,
    media_auth: isCreator && !isDeleted,
    partial_update: canUpdate,
    update: canUpdate,
    upload_ended: canUpdate,
  };
}

function s3Error(context: RequestContext, status: number, code: string, message: string): void {
  context.response.writeHead(status, { 'content-type': 'application/xml' });
  context.response.end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}

function optionalText(fields: Record<string, unknown>, name: string, errors: Record<string, string>): string | null | undefined {
  const value = fields[name];
  if (value === undefined || value === null) return value as undefined | null;
  if (typeof value !== 'string') {
    errors[name] = 'Not a valid string.';
    return undefined;
  }
  return value.trim();
}

export function createFilesApi(options: FilesApiOptions) {
  const files = new Map<string, StoredFile>();
  const policySecret = randomBytes(32);

  function storagePath(key: string): string {
    return join(options.directory, key);
  }

  function policySignature(key: string, date: string): string {
    return createHmac('sha256', policySecret).update(`PUT\n/${BUCKET}/${key}\n${date}`).digest('hex');
  }

  function uploadPolicy(file: StoredFile): string {
    const now = new Date();
    const date = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const key = temporaryFileKey(file);
    const query = new URLSearchParams({
      'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
      'X-Amz-Credential': `meet/${date.slice(0, 8)}/us-east-1/s3/aws4_request`,
      'X-Amz-Date': date,
      'X-Amz-Expires': String(POLICY_EXPIRATION_SECONDS),
      'X-Amz-SignedHeaders': 'host;x-amz-acl',
      'X-Amz-Signature': policySignature(key, date),
    });
    return `${options.origin}/${BUCKET}/${key}?${query.toString()}`;
  }

  function mediaUrl(file: StoredFile): string | null {
    return file.uploadState === 'ready' ? `${MEDIA_PREFIX}${encodeURI(fileKey(file))}` : null;
  }

  function serialize(file: StoredFile, user: StoredUser) {
    const creator = options.userById(file.creatorId);
    return {
      id: file.id,
      created_at: file.createdAt,
      updated_at: file.updatedAt,
      title: file.title,
      type: file.type,
      creator: creator ? { id: creator.id, full_name: creator.fullName, short_name: creator.shortName } : null,
      deleted_at: file.deletedAt,
      hard_deleted_at: file.hardDeletedAt,
      filename: file.filename,
      upload_state: file.uploadState,
      mimetype: file.mimetype,
      size: file.size,
      description: file.description,
      url: mediaUrl(file),
      abilities: abilities(file, user),
    };
  }

  /** FilePermission.has_permission: 404 while the feature is off, then IsAuthenticated. */
  function permittedUser(context: RequestContext): StoredUser {
    if (!options.isEnabled()) throw detailError(404, TEXT.notFound);
    return options.sessionUser(context);
  }

  /** `get_object`: the caller's own, not hard-deleted file; a soft-deleted one is a 404 as well. */
  function ownFile(id: string, user: StoredUser, action: keyof ReturnType<typeof abilities>): StoredFile {
    const file = UUID_PATTERN.test(id) ? files.get(id.toLowerCase()) : undefined;
    if (!file || file.creatorId !== user.id || file.hardDeletedAt !== null) throw detailError(404, 'No File matches the given query.');
    if (file.deletedAt !== null) throw detailError(404, TEXT.notFound);
    if (!abilities(file, user)[action]) throw detailError(403, TEXT.permissionDenied);
    return file;
  }

  function listed(url: URL, user: StoredUser): StoredFile[] {
    const errors: Record<string, string> = {};
    const type = url.searchParams.get('type');
    if (type && !FILE_TYPES.includes(type as FileType)) errors.type = `Select a valid choice. ${type} is not one of the available choices.`;
    const state = url.searchParams.get('upload_state');
    if (state && !UPLOAD_STATES.includes(state as UploadState)) {
      errors.upload_state = `Select a valid choice. ${state} is not one of the available choices.`;
    }
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    const creatorMe = url.searchParams.get('is_creator_me');
    const deleted = url.searchParams.get('is_deleted');
    const selected = [...files.values()].filter(
      (file) =>
        file.creatorId === user.id &&
        file.hardDeletedAt === null &&
        creatorMe !== 'false' &&
        (!type || file.type === type) &&
        (!state || file.uploadState === state) &&
        (deleted === null || deleted === '' || (deleted === 'true') === (file.deletedAt !== null)),
    );
    return sortFiles(selected, url.searchParams.get('ordering'));
  }

  function sortFiles(selected: StoredFile[], ordering: string | null): StoredFile[] {
    const requested = (ordering ?? '').split(',').map((field) => field.trim()).filter((field) => ORDERING_FIELDS.has(field.replace(/^-/, '')));
    const [first = '-updated_at'] = requested;
    const descending = first.startsWith('-');
    const field = first.replace(/^-/, '') as 'created_at' | 'updated_at' | 'title';
    const value = (file: StoredFile) => (field === 'title' ? file.title : field === 'created_at' ? file.createdAt : file.updatedAt);
    return selected.sort((left, right) => value(left).localeCompare(value(right)) * (descending ? -1 : 1));
  }

  function listFiles(context: RequestContext, user: StoredUser): void {
    const page = paginate(context.url, options.origin, listed(context.url, user));
    sendJson(context, 200, {
      count: page.count,
      next: page.next,
      previous: page.previous,
      results: page.items.map((file) => serialize(file, user)),
    });
  }

  function createFields(fields: Record<string, unknown>) {
    const errors: Record<string, string> = {};
    let id: string | undefined;
    if (fields.id !== undefined && fields.id !== null) {
      if (typeof fields.id !== 'string' || !UUID_PATTERN.test(fields.id)) errors.id = 'Must be a valid UUID.';
      else if (files.has(fields.id.toLowerCase())) errors.id = 'A file with this ID already exists. You cannot override it.';
      else id = fields.id.toLowerCase();
    }
    const title = optionalText(fields, 'title', errors);
    if (title && title.length > TITLE_MAX_LENGTH) errors.title = `Ensure this field has no more than ${TITLE_MAX_LENGTH} characters.`;
    const type = fields.type;
    if (type === undefined) errors.type = TEXT.required;
    else if (!FILE_TYPES.includes(type as FileType)) errors.type = `"${String(type)}" is not a valid choice.`;
    const filename = fields.filename;
    if (filename === undefined || filename === null) errors.filename = filename === null ? 'This field may not be null.' : TEXT.required;
    else if (typeof filename !== 'string') errors.filename = 'Not a valid string.';
    else if (filename.trim() === '') errors.filename = TEXT.blank;
    else if (filename.trim().length > TITLE_MAX_LENGTH) errors.filename = `Ensure this field has no more than ${TITLE_MAX_LENGTH} characters.`;
    const description = optionalText(fields, 'description', errors);
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    return { id, title, type: type as FileType, filename: (filename as string).trim(), description: description ?? null };
  }

  async function createFile(context: RequestContext, user: StoredUser): Promise<void> {
    const fields = createFields(await readRequestFields(context.request));
    const { name, ext } = parse(fields.filename);
    const restrictions = FILE_UPLOAD_RESTRICTIONS[fields.type];
    if (!restrictions.allowedExtensions.includes(ext.toLowerCase())) {
      throw fieldErrors({ filename: 'This file extension is not allowed.' });
    }
    const count = [...files.values()].filter((file) => file.creatorId === user.id && file.deletedAt === null && file.type === fields.type).length;
    if (count >= restrictions.maxCountByUser) {
      throw detailError(403, 'You have reached the maximum number of files for this type.');
    }
    const now = timestamp();
    const file: StoredFile = {
      id: fields.id ?? randomUUID(),
      type: fields.type,
      title: fields.title || name,
      description: fields.description,
      creatorId: user.id,
      filename: fields.filename,
      uploadState: 'pending',
      mimetype: null,
      size: null,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
      hardDeletedAt: null,
    };
    files.set(file.id, file);
    sendJson(context, 201, { ...serialize(file, user), policy: uploadPolicy(file) });
  }

  async function updateFile(context: RequestContext, file: StoredFile, user: StoredUser): Promise<void> {
    const fields = await readRequestFields(context.request);
    const errors: Record<string, string> = {};
    const title = optionalText(fields, 'title', errors);
    if (context.method === 'PUT' && title === undefined && !errors.title) errors.title = TEXT.required;
    if (title === null) errors.title = 'This field may not be null.';
    else if (title === '') errors.title = TEXT.blank;
    else if (title && title.length > TITLE_MAX_LENGTH) errors.title = `Ensure this field has no more than ${TITLE_MAX_LENGTH} characters.`;
    const description = optionalText(fields, 'description', errors);
    if (Object.keys(errors).length > 0) throw fieldErrors(errors);
    if (title) file.title = title;
    if (description !== undefined) file.description = description;
    file.updatedAt = timestamp();
    sendJson(context, 200, serialize(file, user));
  }

  async function discard(file: StoredFile): Promise<void> {
    const now = timestamp();
    file.deletedAt = now;
    file.hardDeletedAt = now;
    files.delete(file.id);
    await Promise.all([rm(storagePath(fileKey(file)), { force: true }), rm(storagePath(temporaryFileKey(file)), { force: true })]);
  }

  async function readHead(path: string): Promise<Uint8Array> {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(MIMETYPE_HEAD_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, MIMETYPE_HEAD_BYTES, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /** The reason a stored upload is refused, as `upload_ended` words it, or undefined. */
  function refusal(file: StoredFile, size: number, mimetype: string): string | undefined {
    const restrictions = FILE_UPLOAD_RESTRICTIONS[file.type];
    if (size > restrictions.maxSize) return 'The file size is higher than the allowed max size.';
    if (!restrictions.allowedMimetypes.includes(mimetype)) return 'The file type is not allowed.';
    return undefined;
  }

  async function uploadEnded(context: RequestContext, file: StoredFile, user: StoredUser): Promise<void> {
    if (file.uploadState !== 'pending') throw new HttpError(400, { file: 'This action is only available for files in PENDING state.' });
    file.uploadState = 'analyzing';
    let size: number;
    let mimetype: string;
    try {
      const finalPath = storagePath(fileKey(file));
      await mkdir(dirname(finalPath), { recursive: true });
      await copyFile(storagePath(temporaryFileKey(file)), finalPath);
      size = (await stat(finalPath)).size;
      mimetype = detectMimetype(await readHead(finalPath), file.filename);
    } catch (error) {
      file.uploadState = 'pending';
      throw error;
    }
    const refused = refusal(file, size, mimetype);
    if (refused) {
      await discard(file);
      throw new HttpError(400, [refused]);
    }
    Object.assign(file, { uploadState: 'ready', mimetype, size });
    sendJson(context, 200, serialize(file, user));
  }

  /** `files/media-auth/`: nginx's subrequest before it serves `/media/…` from the storage. */
  function mediaAuthorization(originalUrl: string | undefined, user: StoredUser): StoredFile {
    const path = originalUrl ? decodeURI(new URL(originalUrl, options.origin).pathname) : '';
    const match = new RegExp(`^${MEDIA_PREFIX}${UPLOAD_PATH}/([0-9a-f-]{36})(\\.[^/]*)?$`, 'i').exec(path);
    const file = match?.[1] ? files.get(match[1].toLowerCase()) : undefined;
    if (!file || !abilities(file, user).media_auth || file.uploadState !== 'ready' || `${MEDIA_PREFIX}${fileKey(file)}` !== path) {
      throw detailError(403, TEXT.permissionDenied);
    }
    return file;
  }

  async function handleDetail(context: RequestContext, user: StoredUser, id: string, action: string | undefined): Promise<void> {
    const { method } = context;
    if (action === 'upload-ended') {
      if (method !== 'POST') throw detailError(405, `Method "${method}" not allowed.`);
      await uploadEnded(context, ownFile(id, user, 'upload_ended'), user);
      return;
    }
    if (action !== undefined) throw detailError(404, TEXT.notFound);
    if (method === 'DELETE') {
      const file = ownFile(id, user, 'destroy');
      file.deletedAt = timestamp();
      sendJson(context, 204, null);
    } else if (method === 'PUT' || method === 'PATCH') {
      await updateFile(context, ownFile(id, user, method === 'PUT' ? 'update' : 'partial_update'), user);
    } else {
      throw detailError(405, `Method "${method}" not allowed.`);
    }
  }

  /** `files/…` below the API prefix, split in path segments. */
  async function handle(context: RequestContext, segments: readonly string[]): Promise<void> {
    const user = permittedUser(context);
    const [id, action, ...rest] = segments;
    if (rest.length > 0) throw detailError(404, TEXT.notFound);
    if (id === undefined) {
      if (context.method === 'GET') listFiles(context, user);
      else if (context.method === 'POST') await createFile(context, user);
      else throw detailError(405, `Method "${context.method}" not allowed.`);
      return;
    }
    if (id === 'media-auth' && action === undefined) {
      if (context.method !== 'GET') throw detailError(405, `Method "${context.method}" not allowed.`);
      const header = context.request.headers['x-original-url'];
      mediaAuthorization(typeof header === 'string' ? header : undefined, user);
      sendJson(context, 200, 'authorized');
      return;
    }
    await handleDetail(context, user, id, action);
  }

  async function storeUpload(context: RequestContext, key: string): Promise<void> {
    const { searchParams } = context.url;
    const date = searchParams.get('X-Amz-Date') ?? '';
    const signature = searchParams.get('X-Amz-Signature') ?? '';
    if (signature !== policySignature(key, date) || context.request.headers['x-amz-acl'] !== 'private') {
      s3Error(context, 403, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
      return;
    }
    const signedAt = Date.parse(date.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z'));
    if (!(Date.now() - signedAt <= POLICY_EXPIRATION_SECONDS * 1_000)) {
      s3Error(context, 403, 'AccessDenied', 'Request has expired');
      return;
    }
    const declared = Number(context.request.headers['content-length'] ?? 0);
    if (declared > MAX_STORED_BYTES) {
      s3Error(context, 400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
      return;
    }
    const path = storagePath(key);
    await mkdir(dirname(path), { recursive: true });
    await pipeline(cappedBody(context.request), createWriteStream(path));
    context.response.writeHead(200, { etag: `"${randomUUID()}"` });
    context.response.end();
  }

  async function serveMedia(context: RequestContext, path: string): Promise<void> {
    const user = options.currentUser(context);
    if (!options.isEnabled() || !user) {
      context.response.writeHead(user ? 404 : 401, { 'content-type': 'text/html' });
      context.response.end();
      return;
    }
    let file: StoredFile;
    try {
      file = mediaAuthorization(`${options.origin}${path}`, user);
    } catch {
      context.response.writeHead(403, { 'content-type': 'text/html' });
      context.response.end('<html><head><title>403 Forbidden</title></head><body><center><h1>403 Forbidden</h1></center></body></html>');
      return;
    }
    const body = await readFile(storagePath(fileKey(file)));
    context.response.writeHead(200, {
      'content-type': file.mimetype ?? 'application/octet-stream',
      'content-length': String(body.length),
      'cache-control': 'private, no-store',
    });
    context.response.end(body);
  }

  /**
   * The object storage and the `/media/` location of the instance's front proxy: answers true
   * when the request was one of theirs.
   */
  async function serveStorage(context: RequestContext): Promise<boolean> {
    const path = context.url.pathname;
    const uploadPrefix = `/${BUCKET}/${UPLOAD_TMP_PATH}/`;
    if (path.startsWith(uploadPrefix) && context.method === 'PUT') {
      const name = path.slice(uploadPrefix.length);
      if (!/^[0-9a-f-]{36}(\.[^/]*)?$/i.test(name)) s3Error(context, 403, 'AccessDenied', 'Access Denied');
      else await storeUpload(context, `${UPLOAD_TMP_PATH}/${name}`);
      return true;
    }
    if (path.startsWith(`${MEDIA_PREFIX}${UPLOAD_PATH}/`) && context.method === 'GET') {
      await serveMedia(context, path);
      return true;
    }
    return false;
  }

  return { handle, serveStorage };
}

async function* cappedBody(request: IncomingMessage): AsyncGenerator<Buffer> {
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_STORED_BYTES) throw new Error('upload larger than the storage accepts');
    yield chunk;
  }
}
