// The recorded answers of a real LaSuite Meet (../shared/meet-contract/): where to find them
// and their shape. The folder sits beside the repository (CI clones shared/ next to it).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RecordedCookie {
  name: string;
  value: string;
  'Max-Age'?: number;
  Path?: string;
  SameSite?: string;
  HttpOnly?: boolean;
  Secure?: boolean;
}

export interface RecordedExchange {
  situation: string;
  server_settings?: Record<string, boolean>;
  actor: string;
  request: {
    method: string;
    path: string;
    query: Record<string, string | number> | null;
    headers: Record<string, string>;
    body: unknown;
  };
  response: {
    status: number;
    headers: Record<string, unknown> & { location?: string; 'set-cookie'?: RecordedCookie[]; 'www-authenticate'?: string };
    body: unknown;
    elapsed_seconds?: number;
  };
}

export interface RecordedToken {
  handed_out_by: string;
  situation: string;
  field: string;
  claims: Record<string, unknown>;
  exp_minus_nbf_seconds: number;
  identity_source: string;
}

export interface RecordedStep {
  step: string;
  server_settings?: Record<string, boolean>;
  api_calls: string[];
  observed_in_room: Array<Record<string, unknown> & { event: string; seen_by: Record<string, number> }>;
}

export const ENDPOINT_FILES = [
  'authenticate.json',
  'authenticate-callback.json',
  'logout.json',
  'config.json',
  'users-me.json',
  'rooms-create.json',
  'rooms-list.json',
  'rooms-retrieve.json',
  'rooms-partial-update.json',
  'rooms-request-entry.json',
  'rooms-waiting-participants.json',
  'rooms-enter.json',
  'rooms-toggle-hand.json',
  'rooms-rename.json',
  'rooms-mute-participant.json',
  'rooms-remove-participant.json',
  'rooms-update-participant-role.json',
  'rooms-start-recording.json',
  'rooms-stop-recording.json',
  'rooms-start-subtitle.json',
  'diagnostics-connection.json',
] as const;
export type EndpointFile = (typeof ENDPOINT_FILES)[number];

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `../shared/meet-contract` beside the repository, else VISIO_MEET_CONTRACT, else the shared folder. */
export function contractFolder(): string {
  const candidates = [
    join(repositoryRoot, '..', 'shared', 'meet-contract'),
    process.env.VISIO_MEET_CONTRACT,
    '/work/shared/meet-contract',
  ].filter((candidate): candidate is string => typeof candidate === 'string' && candidate !== '');
  const found = candidates.find((candidate) => existsSync(join(candidate, 'README.md')));
  if (!found) throw new Error(`The recorded Meet contract is missing (looked in ${candidates.join(', ')}).`);
  return found;
}

export function readRecording<T>(file: string): T {
  return JSON.parse(readFileSync(join(contractFolder(), file), 'utf8')) as T;
}
