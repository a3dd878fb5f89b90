// A participant's network is cut for 12 s mid-call (every byte stops, nothing is closed): the app
// sees the media stop and says the connection is unstable long before the signalling would time
// out; when the link is back the call goes on, and nobody is told that anyone left.
import { expect, test } from './fixtures';
import { announcements, connectionBanner, expectOtherVideoPlaying, twoWatchedInCall } from './call-watch';
import { CutProxy } from './cut-proxy';
import { selectedCandidateProtocols } from './media-probe';
import { createRoom } from './rooms';
import { PRESENCE_SETTLED_MS } from './recovery-timing';

const CUT_MS = 12_000;

test('a 12 s network cut shows the unstable state, and no one is said to have left when it ends', async ({ devstack, openParticipant }) => {
  test.setTimeout(240_000);
  const proxy = await CutProxy.start();
  try {
    const room = await createRoom(devstack, 'public');
    const alice = await openParticipant('about:blank', proxy.launchOptions([devstack.origin, devstack.issuer]));
    const bruno = await openParticipant('about:blank');
    await twoWatchedInCall(devstack.origin, room.slug, alice, bruno);
    // The cut below stops Alice's media only if it goes over TCP through the proxy.
    expect(await selectedCandidateProtocols(alice.page)).toEqual(expect.arrayContaining(['tcp']));
    expect(await selectedCandidateProtocols(alice.page)).not.toContain('udp');

    const announcedBefore = await Promise.all([alice, bruno].map(({ page }) => announcements(page).then((texts) => texts.length)));
    const cutAt = Date.now();
    proxy.cut();
    await expect(connectionBanner(alice.page)).toHaveAttribute('data-state', 'unstable', { timeout: CUT_MS - 2_000 });
    await expect(alice.page.locator('[data-testid="participant-tile"][aria-label$="(vous)"] [data-quality="lost"]')).toBeVisible();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, cutAt + CUT_MS - Date.now())));
    proxy.restore();

    await expect(connectionBanner(alice.page)).toHaveCount(0, { timeout: 60_000 });
    await expectOtherVideoPlaying(alice.page);
    await expectOtherVideoPlaying(bruno.page);
    // A departure held in case the person comes back would be announced by now.
    await new Promise((resolve) => setTimeout(resolve, PRESENCE_SETTLED_MS));
    for (const [index, { page }] of [alice, bruno].entries()) {
      const since = (await announcements(page)).slice(announcedBefore[index]);
      expect(since.filter((text) => /a (quitté|rejoint) la réunion/.test(text))).toEqual([]);
    }
    expect(await announcements(alice.page)).toContain('Reconnecté');
  } finally {
    await proxy.stop();
  }
});
