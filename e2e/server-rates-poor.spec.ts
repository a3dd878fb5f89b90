// Alice's link starts losing packets on the way out (a lossy radio link): nothing stops, yet the
// LiveKit server measures the loss on what she publishes and rates her connection Poor. Her app
// shows the server's word: her own badge says "Connexion faible", and low-bandwidth mode comes on
// by itself (the other camera paused, the speaker's kept), while the media never stopped, so the
// rating, not the media watchdog, is what the app acted on. Once the loss ends the rating comes back.
import type { Page } from '@playwright/test';
import fr from '../common/locales/fr/renderer.json' with { type: 'json' };
import { accessibilityViolations } from './axe';
import { expect, test } from './bot-fixtures';
import { connectionBanner } from './call-watch';
import { CutProxy } from './cut-proxy';
import { expectVideoPlaying, MEDIA_TIMEOUT, remoteVideo, selectedCandidateProtocols } from './media-probe';
import { aliceBehindProxy, cameraTile } from './speaker-and-listener';

/** Share of the RTP packets Alice sends that are lost: far past the 7.5 % at which LiveKit rates audio Poor. */
const SENT_LOSS = 0.3;

const ownBadge = (page: Page) => page.locator('[data-testid="participant-tile"][aria-label$="(vous)"] [data-quality]');

/** Alice's own badge as shown while no connection banner is up (the server's rating, not the watchdog's), else "banner". */
function ratedQuality(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    if (document.querySelector('[data-testid="connection-banner"]')) return 'banner';
    const badge = [...document.querySelectorAll('[data-testid="participant-tile"]')].find((tile) => tile.getAttribute('aria-label')?.endsWith('(vous)'))?.querySelector('[data-quality]');
    return badge?.getAttribute('data-quality') ?? null;
  });
}

test('a lossy link is rated Poor by the server: the badge says so and low-bandwidth mode comes on by itself', async ({ devstack, openParticipant, joinBot }) => {
  test.setTimeout(600_000);
  // Alice's signalling and media go through the proxy (media over ICE-TCP), which loses packets when asked.
  const proxy = await CutProxy.start();
  try {
    const { page, speaker, listener } = await aliceBehindProxy({ devstack, openParticipant, joinBot }, proxy);
    expect(await selectedCandidateProtocols(page)).toEqual(expect.arrayContaining(['tcp']));
    expect(await selectedCandidateProtocols(page)).not.toContain('udp');
    await expect.poll(() => ratedQuality(page), { timeout: MEDIA_TIMEOUT }).toMatch(/^(excellent|good)$/);

    proxy.loseSentRtp(SENT_LOSS);
    try {
      await expect.poll(() => ratedQuality(page), { timeout: MEDIA_TIMEOUT, message: 'the server rates Alice Poor while her media flows' }).toBe('poor');
      await expect(ownBadge(page)).toHaveAccessibleName(fr.call.quality.poor);
      await expect(page.getByRole('status').filter({ hasText: fr.lowBandwidth.enteredAutomatic })).toBeVisible({ timeout: MEDIA_TIMEOUT });
      await expect(cameraTile(page, listener.identity)).toHaveAttribute('data-video-paused', 'true', { timeout: MEDIA_TIMEOUT });
      await expect(cameraTile(page, listener.identity).getByText(fr.lowBandwidth.paused)).toBeVisible();
      await expectVideoPlaying(page, remoteVideo(speaker.identity));
      // The media never stopped: no "connexion instable" banner.
      await expect(connectionBanner(page)).toHaveCount(0);
      expect(await accessibilityViolations(page)).toEqual([]);
      expect(proxy.droppedRtpPackets).toBeGreaterThan(0);
    } finally {
      proxy.loseSentRtp(0);
    }
    await expect.poll(() => ratedQuality(page), { timeout: MEDIA_TIMEOUT, message: 'the rating comes back once the loss ends' }).toMatch(/^(excellent|good)$/);
  } finally {
    await proxy.stop();
  }
});
