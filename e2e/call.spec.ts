// Two people in one room: each sees the other's video playing and receives the other's audio;
// when one leaves, the other's grid updates.
import { expect, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { inboundBytes, recordPeerConnections, remoteVideoIdentities, remoteVideoState } from './media-probe';
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
    await expect(viewer.page.locator(`[data-testid="participant-tile"][aria-label="${other}"]`)).toBeVisible({ timeout: 30_000 });
    await expect.poll(() => remoteVideoIdentities(viewer.page).then((ids) => ids.length), { timeout: 30_000 }).toBe(1);
    const [identity] = await remoteVideoIdentities(viewer.page);
    const first = await expect
      .poll(async () => (await remoteVideoState(viewer.page, identity!))?.width ?? 0, { timeout: 20_000 })
      .toBeGreaterThan(0)
      .then(() => remoteVideoState(viewer.page, identity!));
    await expect
      .poll(async () => {
        const later = await remoteVideoState(viewer.page, identity!);
        return (later?.currentTime ?? 0) > (first?.currentTime ?? 0) && (later?.decodedFrames ?? 0) > (first?.decodedFrames ?? 0);
      }, { timeout: 15_000 })
      .toBe(true);
    const audioBefore = await inboundBytes(viewer.page, 'audio');
    await expect.poll(() => inboundBytes(viewer.page, 'audio'), { timeout: 15_000 }).toBeGreaterThan(audioBefore);
  }

  await bruno.page.getByRole('button', { name: 'Quitter la réunion' }).click();
  await expect.poll(() => remoteVideoIdentities(alice.page).then((ids) => ids.length), { timeout: 20_000 }).toBe(0);
  await expect(alice.page.getByTestId('participant-tile')).toHaveCount(1);
});
