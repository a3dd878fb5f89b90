import { describe, expect, it } from 'vitest';
import type { MeetConfig } from '../../../common/meet-types';
import { checkOwnBackground, createOwnBackgroundStore, ownBackgroundRules, parseOwnBackground } from './own-background';

/** The recorded `config/` answer's `background_image`, with the upload switch as given. */
const configWith = (upload_is_enabled: boolean) =>
  ({
    livekit: { url: 'wss://lk.example' },
    background_image: { upload_is_enabled, max_count_by_user: 10, max_size: 2_097_152, allowed_extensions: ['.jpeg', '.jpg', '.png'], allowed_mimetypes: ['image/jpeg', 'image/png'] },
  }) as MeetConfig;

const memoryStorage = () => {
  const memory = new Map<string, string>();
  return { memory, storage: { getItem: (key: string) => memory.get(key) ?? null, setItem: (key: string, value: string) => void memory.set(key, value) } };
};

describe('the user’s own background picture', () => {
  it('is offered only when the instance allows users’ pictures, within its limits', () => {
    expect(ownBackgroundRules(null)).toBeNull();
    expect(ownBackgroundRules(configWith(false))).toBeNull();
    expect(ownBackgroundRules({ livekit: { url: 'x' } } as MeetConfig)).toBeNull();
    expect(ownBackgroundRules(configWith(true))).toEqual({ allowedTypes: ['image/jpeg', 'image/png'], allowedExtensions: ['.jpeg', '.jpg', '.png'], maxSize: 2_097_152 });
    // Types the app cannot draw are not offered, even when the instance allows them.
    const svg = configWith(true);
    svg.background_image!.allowed_mimetypes = ['image/svg+xml'];
    expect(ownBackgroundRules(svg)).toBeNull();
  });

  it('refuses a file of another type or too large', () => {
    const rules = ownBackgroundRules(configWith(true))!;
    expect(checkOwnBackground({ type: 'image/png', size: 1000 }, rules)).toBeNull();
    expect(checkOwnBackground({ type: 'image/gif', size: 1000 }, rules)).toBe('invalid_file_type');
    expect(checkOwnBackground({ type: 'image/jpeg', size: 2_097_153 }, rules)).toBe('file_too_large');
  });

  it('keeps a picture on this computer, and reads back only a picture', () => {
    const { memory, storage } = memoryStorage();
    const store = createOwnBackgroundStore(storage);
    expect(store.getState().image).toBeNull();
    expect(store.getState().keep('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(createOwnBackgroundStore(storage).getState().image).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(store.getState().keep('https://evil.test/x.png')).toBe(false);
    memory.set('visio.ownBackground', 'data:text/html;base64,PHNjcmlwdD4=');
    expect(createOwnBackgroundStore(storage).getState().image).toBeNull();
    expect(parseOwnBackground('data:image/jpeg;base64,/9j/4AAQ')).toBe('data:image/jpeg;base64,/9j/4AAQ');
    expect(parseOwnBackground('data:image/jpeg;base64,/9j/"><script>')).toBeNull();
  });
});
