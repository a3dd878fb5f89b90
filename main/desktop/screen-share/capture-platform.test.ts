import { describe, expect, it } from 'vitest';
import { capturePlatformOf, pipeWireFeatureSwitch, screenAccessDeniedMessage } from './capture-platform';

const wayland = { platform: 'linux', env: { XDG_SESSION_TYPE: 'wayland' } };

describe('capture platform', () => {
  it('lets the portal pick on Wayland only', () => {
    expect(capturePlatformOf(wayland).usesPortalPicker).toBe(true);
    expect(capturePlatformOf({ platform: 'linux', env: { XDG_SESSION_TYPE: 'x11' } }).usesPortalPicker).toBe(false);
    expect(capturePlatformOf({ platform: 'darwin', env: { XDG_SESSION_TYPE: 'wayland' } }).usesPortalPicker).toBe(false);
  });

  it('offers loopback sound on Windows only', () => {
    expect(capturePlatformOf({ platform: 'win32', env: {} }).loopbackAudio).toBe(true);
    expect(capturePlatformOf({ platform: 'darwin', env: {} }).loopbackAudio).toBe(false);
    expect(capturePlatformOf(wayland).loopbackAudio).toBe(false);
  });

  it('enables the PipeWire capturer on Wayland unless the user chose their own features', () => {
    expect(pipeWireFeatureSwitch(wayland, ['/usr/bin/visio'])).toBe('WebRTCPipeWireCapturer');
    expect(pipeWireFeatureSwitch(wayland, ['/usr/bin/visio', '--enable-features=VaapiVideoDecoder'])).toBeNull();
    expect(pipeWireFeatureSwitch(wayland, ['/usr/bin/visio', '--enable-features', 'X'])).toBeNull();
    expect(pipeWireFeatureSwitch({ platform: 'linux', env: {} }, ['/usr/bin/visio'])).toBeNull();
  });

  it('explains the macOS screen-recording permission in both languages', () => {
    expect(screenAccessDeniedMessage('fr').openSettings).toBe('Ouvrir les Réglages système');
    expect(screenAccessDeniedMessage('en').detail).toContain('Screen Recording');
  });
});
