// The type of an uploaded file as Meet's `detect_mimetype` decides it: the content's magic bytes
// first, the filename's extension when the content says nothing specific.
import { extname } from 'node:path';

const GENERIC_TYPES = new Set(['application/octet-stream', 'application/x-ole-storage', 'application/zip', 'text/plain']);

const SIGNATURES: readonly { bytes: readonly number[]; offset?: number; mimetype: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], mimetype: 'image/png' },
  { bytes: [0xff, 0xd8, 0xff], mimetype: 'image/jpeg' },
  { bytes: [0x47, 0x49, 0x46, 0x38], mimetype: 'image/gif' },
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], mimetype: 'application/pdf' },
  { bytes: [0x57, 0x45, 0x42, 0x50], offset: 8, mimetype: 'image/webp' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], mimetype: 'application/zip' },
];

const BY_EXTENSION: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
  '.zip': 'application/zip',
};

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return head.length >= offset + bytes.length && bytes.every((byte, index) => head[offset + index] === byte);
}

function looksLikeText(head: Uint8Array): boolean {
  return head.every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte !== 0x7f));
}

function typeFromContent(head: Uint8Array): string {
  if (head.length === 0) return 'application/x-empty';
  const known = SIGNATURES.find((signature) => startsWith(head, signature.bytes, signature.offset));
  if (known) return known.mimetype;
  return looksLikeText(head) ? 'text/plain' : 'application/octet-stream';
}

/** `head`: the first 2048 bytes (or fewer) of the stored file. */
export function detectMimetype(head: Uint8Array, filename: string): string {
  const fromContent = typeFromContent(head);
  const fromExtension = BY_EXTENSION[extname(filename).toLowerCase()];
  if (GENERIC_TYPES.has(fromContent) && fromExtension) return fromExtension;
  return fromContent;
}
