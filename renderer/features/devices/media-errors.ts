// Sorts getUserMedia failures into what the user can do about them.
export type MediaFailure = 'permission_denied' | 'not_found' | 'device_error';

export function classifyMediaError(error: unknown): MediaFailure {
  const name = error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
    ? String((error as { name: unknown }).name)
    : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'NotAllowedError' || name === 'PermissionDeniedError' || name === 'SecurityError' || /permission denied/i.test(message)) {
    return 'permission_denied';
  }
  if (name === 'NotFoundError' || name === 'DevicesNotFoundError' || name === 'OverconstrainedError' || /not found/i.test(message)) {
    return 'not_found';
  }
  return 'device_error';
}

export const mediaFailureMessageKey: Record<MediaFailure, string> = {
  permission_denied: 'prejoin.permissionDenied',
  not_found: 'prejoin.deviceNotFound',
  device_error: 'prejoin.deviceError',
};
