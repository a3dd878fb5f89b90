// Two people in one room: each sees the other's video playing and receives the other's audio;
// when one leaves, the other's grid updates.
import { expect, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { expectVideoPlaying, inboundBytes, MEDIA_TIMEOUT, recordPeerConnections, remoteVideo, remoteVideoIdentities } from './media-probe';
import { createRoom } from './rooms';

test('two participants see and hear each other, and the grid updates when one leaves', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const alice = await openParticipant('about:blank');
  const bruno = await openParticipant('about:blank');
  for (const participant of [alice, bruno]) {
    await recordPeerConnections(participant.page);
    await participant.page.goto(`${devstack.origin}/${room.slug}`);
  }
  await joinFromPrejoin(alice.page, 'Alice Durand');
  await expectInCall(alice.page);
  await joinFromPrejoin(bruno.page, 'Bruno Petit');
  await expectInCall(bruno.page);

  for (const [viewer, other] of [[alice, 'Bruno Petit'], [bruno, 'Alice Durand']] as const) {
    await expect(viewer.page.locator(`[data-testid="participant-tile"][aria-label="${other}"]`)).toBeVisible({ timeout: MEDIA_TIMEOUT });
    await expect.poll(() => remoteVideoIdentities(viewer.page).then((ids) => ids.length), { timeout: MEDIA_TIMEOUT }).toBe(1);
    const [identity] = await remoteVideoIdentities(viewer.page);
    await expectVideoPlaying(viewer.page, remoteVideo(identity!));
    const audioBefore = await inboundBytes(viewer.page, 'audio');
    await expect.poll(() => inboundBytes(viewer.page, 'audio'), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(audioBefore);
  }

  await bruno.page.getByRole('button', { name: 'Quitter la réunion' }).click();
  await expect.poll(() => remoteVideoIdentities(alice.page).then((ids) => ids.length)).toBe(0);
  await expect(alice.page.getByTestId('participant-tile')).toHaveCount(1);
});
