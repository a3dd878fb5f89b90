import { describe, expect, it } from 'vitest';
import { decidePermissionCheck, decidePermissionRequest, type PermissionQuery } from './permission-policy';

const ours: Omit<PermissionQuery, 'permission'> = {
  requestingUrl: 'app://visio/abc-defg-hij',
  isMainFrame: true,
  fromAppWindow: true,
};

describe('permission requests', () => {
  it('grants microphone and camera as asked', () => {
    expect(decidePermissionRequest({ ...ours, permission: 'media', mediaTypes: ['audio'] })).toBe(true);
    expect(decidePermissionRequest({ ...ours, permission: 'media', mediaTypes: ['audio', 'video'] })).toBe(true);
  });

  it('refuses a media request that names nothing or something else', () => {
    expect(decidePermissionRequest({ ...ours, permission: 'media', mediaTypes: [] })).toBe(false);
    expect(decidePermissionRequest({ ...ours, permission: 'media' })).toBe(false);
    expect(decidePermissionRequest({ ...ours, permission: 'media', mediaTypes: ['audio', 'screen'] })).toBe(false);
  });

  it.each(['display-capture', 'fullscreen', 'speaker-selection', 'clipboard-sanitized-write'])('grants %s', (permission) => {
    expect(decidePermissionRequest({ ...ours, permission })).toBe(true);
  });

  it.each(['notifications', 'geolocation', 'clipboard-read', 'midi', 'openExternal', 'usb', 'pointerLock', 'unknown'])(
    'refuses %s',
    (permission) => {
      expect(decidePermissionRequest({ ...ours, permission })).toBe(false);
    },
  );

  it('refuses sub-frames, other origins and other windows', () => {
    const media = { permission: 'media', mediaTypes: ['audio'] };
    expect(decidePermissionRequest({ ...ours, ...media, isMainFrame: false })).toBe(false);
    expect(decidePermissionRequest({ ...ours, ...media, requestingUrl: 'https://idp.gouv.fr/' })).toBe(false);
    expect(decidePermissionRequest({ ...ours, ...media, requestingUrl: 'app://visio.evil/' })).toBe(false);
    expect(decidePermissionRequest({ ...ours, ...media, fromAppWindow: false })).toBe(false);
  });
});

describe('clipboard', () => {
  it('lets our main frame write a meeting link, never read the clipboard', () => {
    const write = { permission: 'clipboard-sanitized-write' };
    expect(decidePermissionRequest({ ...ours, ...write })).toBe(true);
    expect(decidePermissionCheck({ ...ours, ...write })).toBe(true);
    for (const permission of ['clipboard-read', 'clipboard-write']) {
      expect(decidePermissionRequest({ ...ours, permission })).toBe(false);
      expect(decidePermissionCheck({ ...ours, permission })).toBe(false);
    }
  });

  it('refuses writing to sub-frames, other origins and other windows', () => {
    const write = { permission: 'clipboard-sanitized-write' };
    for (const decide of [decidePermissionRequest, decidePermissionCheck]) {
      expect(decide({ ...ours, ...write, isMainFrame: false })).toBe(false);
      expect(decide({ ...ours, ...write, requestingUrl: 'https://idp.gouv.fr/' })).toBe(false);
      expect(decide({ ...ours, ...write, fromAppWindow: false })).toBe(false);
    }
  });
});

describe('permission checks', () => {
  it('answers for our main frame only', () => {
    expect(decidePermissionCheck({ ...ours, permission: 'media', mediaTypes: ['video'] })).toBe(true);
    expect(decidePermissionCheck({ ...ours, permission: 'media', mediaTypes: ['unknown'] })).toBe(true);
    expect(decidePermissionCheck({ ...ours, permission: 'media', isMainFrame: false })).toBe(false);
    expect(decidePermissionCheck({ ...ours, permission: 'notifications' })).toBe(false);
    expect(decidePermissionCheck({ ...ours, permission: 'geolocation' })).toBe(false);
    expect(decidePermissionCheck({ ...ours, permission: 'media', requestingUrl: 'app://visio' })).toBe(true);
    expect(decidePermissionCheck({ ...ours, permission: 'media', requestingUrl: 'null' })).toBe(false);
  });
});
