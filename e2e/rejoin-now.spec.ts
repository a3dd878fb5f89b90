// LiveKit goes away mid-call: the app tries again at once, then waits a little longer each time,
// shows when the next attempt comes, and "Rejoindre maintenant" joins as soon as the server is
// back instead of waiting for the countdown.
import { expect, test } from './bot-fixtures';
import { connectionBanner } from './call-watch';
import { enterCall } from './join';
import { MEDIA_TIMEOUT } from './media-probe';
import { createRoom } from './rooms';

test('while LiveKit is down the banner counts down to the next attempt, and "Rejoindre maintenant" joins at once', async ({ devstack, openParticipant, joinBot }) => {
  test.setTimeout(180_000);
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');

  await devstack.stopLivekit();
  const rejoinNow = page.getByRole('button', { name: 'Rejoindre maintenant' });
  try {
    await expect(connectionBanner(page)).toHaveAttribute('data-state', 'lost', { timeout: 60_000 });
    await expect(connectionBanner(page)).toContainText(/Nouvelle tentative dans \d+ secondes?\./, { timeout: 60_000 });
    await expect(rejoinNow).toBeVisible();
  } finally {
    await devstack.startLivekit();
  }
  // A click may land just as an attempt starts (the button then goes): either way the app joins.
  await rejoinNow.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(connectionBanner(page)).toHaveCount(0, { timeout: 60_000 });
  await expect(page.locator('.toasts').getByText('Reconnecté')).toBeVisible();
  await expect(page.getByText('Vous avez été déconnecté de la réunion.')).toHaveCount(0);
  const bot = await joinBot(room, { name: 'Bertrand Robot' });
  await expect.poll(() => [...bot.room.remoteParticipants.values()].map((participant) => participant.name), { timeout: MEDIA_TIMEOUT }).toContain('Alice Durand');
});
