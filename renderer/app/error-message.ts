// Maps typed errors to what the user reads, in their language: the server's reason in our words
// when it is a known one, else the general message with the server's own sentence.
import type { TFunction } from 'i18next';
import type { AppError } from '../../common/ipc-contract';
import { KNOWN_SERVER_REASONS } from '../../common/server-errors';

/** The client's own reasons: a server that did not answer in time, a call not connected right now. */
export const CLIENT_REASONS = ['timeout', 'not_connected'] as const;

const TRANSLATED_REASONS = new Set<string>([...KNOWN_SERVER_REASONS.map(([reason]) => reason), ...CLIENT_REASONS]);

export function errorMessage(t: TFunction, error: AppError): string {
  if (error.reason && TRANSLATED_REASONS.has(error.reason)) return t(`errors.reasons.${error.reason}`);
  const message = t(`errors.${error.code}`);
  return error.serverMessage ? t('errors.serverSaid', { message, server: error.serverMessage }) : message;
}
