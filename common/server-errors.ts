// What the API's refusals mean. LaSuite Meet answers errors in several shapes (DRF's
// `{"detail"}`, the in-call actions' `{"error"}`, the lobby's `{"message"}`, validation's
// `{field: [messages]}`); the user is told the server's reason, translated when it is a known one.
import type { AppError, ErrorCode, Result } from './ipc-contract';

export function errorCodeForStatus(status: number): ErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 400 || status === 422) return 'invalid_input';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'server';
}

const MAX_MESSAGE_LENGTH = 300;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstMessage(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    for (const item of value) {
      const message = firstMessage(item);
      if (message) return message;
    }
    return undefined;
  }
  // Pydantic's errors inside a DRF field list: `{type, loc, msg, ...}`.
  if (isRecord(value) && typeof value.msg === 'string') return value.msg;
  return undefined;
}

/** The server's own sentence in an error body, whatever its shape, or undefined. */
export function serverMessageOf(json: unknown): string | undefined {
  // A bare list is DRF's non-field ValidationError (`["The file type is not allowed."]`).
  if (Array.isArray(json)) return firstMessage(json)?.slice(0, MAX_MESSAGE_LENGTH);
  if (!isRecord(json)) return typeof json === 'string' && json.trim() ? json.slice(0, MAX_MESSAGE_LENGTH) : undefined;
  for (const key of ['detail', 'error', 'message']) {
    const value = json[key];
    if (typeof value === 'string' && value.trim()) return value.slice(0, MAX_MESSAGE_LENGTH);
  }
  for (const [field, value] of Object.entries(json)) {
    const message = firstMessage(value);
    if (message) {
      const prefixed = field === 'non_field_errors' ? message : `${field}: ${message}`;
      return prefixed.slice(0, MAX_MESSAGE_LENGTH);
    }
  }
  return undefined;
}

/** Reasons the interface has its own sentence for, recognised from the server's English text. */
export const KNOWN_SERVER_REASONS = [
  ['participant_without_account', /no user account/i],
  ['participant_not_in_call', /participant is not connected|^participant not found/i],
  ['caller_not_in_call', /must be connected to the meeting|could not verify caller presence/i],
  ['own_role', /cannot change your own role/i],
  ['owner_demotion', /owners cannot be demoted/i],
  ['recording_in_progress', /recording is already in progress/i],
  ['recording_failed_to_start', /recording failed to start/i],
  ['no_active_recording', /no active recording/i],
  ['mute_failed', /failed to mute participant/i],
  ['csrf', /^csrf failed/i],
] as const;
export type ServerReason = (typeof KNOWN_SERVER_REASONS)[number][0];

export function reasonOf(message: string | undefined): ServerReason | undefined {
  if (!message) return undefined;
  return KNOWN_SERVER_REASONS.find(([, pattern]) => pattern.test(message))?.[0];
}

/** The typed error for a non-2xx answer, carrying the server's words and, when known, why. */
export function serverError(status: number, json: unknown): AppError {
  const message = serverMessageOf(json);
  const reason = reasonOf(message);
  return {
    code: errorCodeForStatus(status),
    status,
    ...(message === undefined ? {} : { detail: message, serverMessage: message }),
    ...(reason === undefined ? {} : { reason }),
  };
}

export function serverFailure(status: number, json: unknown): Result<never> {
  return { ok: false, error: serverError(status, json) };
}
