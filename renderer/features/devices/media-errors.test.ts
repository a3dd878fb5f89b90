import { describe, expect, it } from 'vitest';
import { classifyMediaError } from './media-errors';

function domError(name: string, message = ''): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('classifyMediaError', () => {
  it('recognises a refused permission', () => {
    expect(classifyMediaError(domError('NotAllowedError'))).toBe('permission_denied');
    expect(classifyMediaError(new Error('Permission denied'))).toBe('permission_denied');
  });

  it('recognises a missing device', () => {
    expect(classifyMediaError(domError('NotFoundError'))).toBe('not_found');
    expect(classifyMediaError({ name: 'OverconstrainedError' })).toBe('not_found');
  });

  it('treats anything else as a device failure', () => {
    expect(classifyMediaError(domError('NotReadableError', 'Could not start video source'))).toBe('device_error');
  });
});
