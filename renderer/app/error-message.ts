// Maps typed errors to what the user reads, in their language: the server's reason in our words
// when it is a known one, else the general message with the server's own sentence.
import type { TFunction } from 'i18next';
import type { AppError } from '../../common/ipc-contract';
import { KNOWN_SERVER_REASONS } from '../../common/server-errors';

const TRANSLATED_REASONS = new Set<string>(KNOWN_SERVER_REASONS.map(([reason]) => reason));

export function errorMessage(t: TFunction, error: AppError): string {
  if (error.reason === 'timeout') return t('errors.timeout');
  if (error.reason && TRANSLATED_REASONS.has(error.reason)) return t(`errors.reasons.${error.reason}`);
  const message = t(`errors.${error.code}`);
  return error.serverMessage ? t('errors.serverSaid', { message, server: error.serverMessage }) : message;
}
