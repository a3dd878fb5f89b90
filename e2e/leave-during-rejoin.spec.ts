// The LiveKit node hosting the call dies and the app is joining the call again: leaving at that
// moment ends the call as left (the ended screen), whether a join attempt was under way or not.
import { expect, test } from './fixtures';
import { accessibilityViolations } from './axe';
import { connectionBanner, twoWatchedInCall } from './call-watch';
import { MEDIA_TIMEOUT } from './media-probe';
import { createRoom } from './rooms';

test.use({ livekitNodes: 2 });

test('leaving while the app joins again after a node death shows the call as left', async ({ devstack, openParticipant }) => {
  test.setTimeout(240_000);
  const room = await createRoom(devstack, 'public');
  const alice = await openParticipant('about:blank');
  const bruno = await openParticipant('about:blank');
  await twoWatchedInCall(devstack.origin, room.slug, alice, bruno);

  await devstack.killLivekitNodeHosting(room.id);
  try {
    // The participant whose signalling was on the dead node is the first to join again.
    const rejoining = await Promise.any(
      [alice, bruno].map(async (participant) => {
        await connectionBanner(participant.page).and(participant.page.locator('[data-state="lost"]')).waitFor({ timeout: 60_000 });
        return participant;
      }),
    );
    await rejoining.page.getByRole('button', { name: 'Quitter la réunion' }).click();
    await expect(rejoining.page.getByText('Vous avez quitté la réunion.')).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await expect(rejoining.page.getByTestId('call')).toHaveCount(0);
    expect(await accessibilityViolations(rejoining.page)).toEqual([]);
  } finally {
    await devstack.startLivekit();
  }
});
