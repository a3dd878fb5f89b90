// What the recovery tests watch on a page: every toast and live-region announcement ever shown
// (they vanish after a few seconds), the connection banner, and the other side's video playing.
import { expect, type Page } from '@playwright/test';
import type { Participant } from './fixtures';
import { enterCall } from './join';
import { recordPeerConnections, remoteVideoIdentities, remoteVideoState } from './media-probe';

/** Records, from the first page load on, every text shown as a toast or announced politely. */
export async function recordAnnouncements(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __visioAnnouncements: string[] }).__visioAnnouncements = seen;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        for (const node of mutation.addedNodes) {
          const element = node instanceof Element ? node : node.parentElement;
          if (element?.closest('.toasts, [aria-live]') && node.textContent) seen.push(node.textContent);
        }
      }
    }).observe(document, { childList: true, subtree: true });
  });
}

export function announcements(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __visioAnnouncements?: string[] }).__visioAnnouncements ?? [])]);
}

/** Waits until the page plays video of exactly one other participant, with frames advancing. */
export async function expectOtherVideoPlaying(page: Page, timeout = 90_000): Promise<void> {
  await expect.poll(() => remoteVideoIdentities(page).then((ids) => ids.length), { timeout }).toBe(1);
  const [identity] = await remoteVideoIdentities(page);
  await expect.poll(async () => (await remoteVideoState(page, identity!))?.width ?? 0, { timeout }).toBeGreaterThan(0);
  const first = await remoteVideoState(page, identity!);
  await expect.poll(async () => ((await remoteVideoState(page, identity!))?.decodedFrames ?? 0) > (first?.decodedFrames ?? 0), { timeout }).toBe(true);
}

export function connectionBanner(page: Page) {
  return page.getByTestId('connection-banner');
}

/**
 * Alice and Bruno in `slug`, each page's peer connections and announcements on record from the
 * start, each seeing the other's video playing: where every recovery test begins.
 */
export async function twoWatchedInCall(origin: string, slug: string, alice: Participant, bruno: Participant): Promise<void> {
  for (const { page } of [alice, bruno]) {
    await recordPeerConnections(page);
    await recordAnnouncements(page);
  }
  await enterCall(alice.page, origin, slug, 'Alice Durand');
  await enterCall(bruno.page, origin, slug, 'Bruno Petit');
  await expectOtherVideoPlaying(alice.page);
  await expectOtherVideoPlaying(bruno.page);
}
