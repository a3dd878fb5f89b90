// LiveKit runs as two nodes sharing a Redis, as at a ministry's scale. The node hosting the call
// dies mid-call (SIGKILL): both participants' apps join again by themselves, see each other's
// video playing again, and nobody is told that anyone left.
import { expect, test } from './fixtures';
import { announcements, connectionBanner, expectOtherVideoPlaying, twoWatchedInCall } from './call-watch';
import { createRoom } from './rooms';
import { PRESENCE_SETTLED_MS } from './recovery-timing';

test.use({ livekitNodes: 2 });

test('when the LiveKit node hosting the call dies, both participants see each other again by themselves', async ({ devstack, openParticipant }) => {
  test.setTimeout(300_000);
  const room = await createRoom(devstack, 'public');
  const alice = await openParticipant('about:blank');
  const bruno = await openParticipant('about:blank');
  await twoWatchedInCall(devstack.origin, room.slug, alice, bruno);

  const announcedBefore = await Promise.all([alice, bruno].map(({ page }) => announcements(page).then((texts) => texts.length)));
  await devstack.killLivekitNodeHosting(room.id);
  try {
    await expect(connectionBanner(alice.page)).toBeVisible({ timeout: 60_000 });
    await expect(connectionBanner(alice.page)).toHaveCount(0, { timeout: 90_000 });
    await expect(connectionBanner(bruno.page)).toHaveCount(0, { timeout: 90_000 });
    await expectOtherVideoPlaying(alice.page, 90_000);
    await expectOtherVideoPlaying(bruno.page, 90_000);
  } finally {
    await devstack.startLivekit();
  }
  for (const { page } of [alice, bruno]) await expect(page.getByText('Vous avez été déconnecté de la réunion.')).toHaveCount(0);
  await new Promise((resolve) => setTimeout(resolve, PRESENCE_SETTLED_MS));
  for (const [index, { page }] of [alice, bruno].entries()) {
    const since = (await announcements(page)).slice(announcedBefore[index]);
    expect(since.filter((text) => /a (quitté|rejoint) la réunion/.test(text))).toEqual([]);
  }
});
