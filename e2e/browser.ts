// Debian Chromium with fake camera, microphone and screen capture, and no background traffic.
import { chromium, type Browser, type LaunchOptions } from '@playwright/test';

export const CHROMIUM_PATH = process.env.VISIO_CHROMIUM ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--auto-select-desktop-capture-source=Entire screen',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--autoplay-policy=no-user-gesture-required',
  '--no-sandbox',
];

export function launchChromium(options: LaunchOptions & { withoutArgs?: string[] } = {}): Promise<Browser> {
  const { withoutArgs = [], ...launchOptions } = options;
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...launchOptions,
    args: [...chromiumArgs.filter((arg) => !withoutArgs.includes(arg)), ...(options.args ?? [])],
  });
}
