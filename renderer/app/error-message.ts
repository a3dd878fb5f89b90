// Maps typed errors to what the user reads, in their language.
import type { TFunction } from 'i18next';
import type { AppError } from '../../common/ipc-contract';

export function errorMessage(t: TFunction, error: AppError): string {
  return t(`errors.${error.code}`);
}
