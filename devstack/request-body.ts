// Request bodies for the stack's plain node:http servers, with a size cap so a test that
// misbehaves fails fast instead of filling memory.
import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 1_000_000;

export class RequestBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestBodyError';
  }
}

export async function readRequestBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new RequestBodyError('Corps de requête trop volumineux.');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** JSON object or urlencoded form, by content type; an empty body is an empty object. */
export async function readRequestFields(request: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readRequestBody(request);
  if (text.trim() === '') return {};
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new RequestBodyError('JSON parse error - corps de requête invalide.');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new RequestBodyError('Un objet JSON est attendu.');
  }
  return parsed as Record<string, unknown>;
}
