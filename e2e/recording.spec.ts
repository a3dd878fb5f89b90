// The recording banner follows the room metadata that the backend writes (`recording_status`):
// it appears when an admin starts a recording, changes as it goes, and disappears once saved.
import { expect, test } from './fixtures';
import { enterCall } from './join';
import { createRoom, ownerSession } from './rooms';

test('the recording banner appears and disappears with the room metadata', async ({ devstack, openParticipant }) => {
  const owner = await ownerSession(devstack);
  const room = await createRoom(devstack, 'public', owner);
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');
  const banner = page.getByTestId('recording-banner');
  await expect(banner).toHaveCount(0);

  const started = await owner.api(devstack.apiBaseUrl, 'POST', `rooms/${room.id}/start-recording/`, { body: { mode: 'screen_recording' } });
  expect(started.status).toBe(201);
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner).toHaveText('Cette réunion est enregistrée.');

  const stopped = await owner.api(devstack.apiBaseUrl, 'POST', `rooms/${room.id}/stop-recording/`);
  expect(stopped.status).toBe(200);
  await expect(banner).toHaveText('Enregistrement en cours de sauvegarde…');
  await expect(banner).toHaveCount(0);

  // A transcript says so.
  const transcript = await owner.api(devstack.apiBaseUrl, 'POST', `rooms/${room.id}/start-recording/`, { body: { mode: 'transcript' } });
  expect(transcript.status).toBe(201);
  await expect(banner).toHaveText('Cette réunion est transcrite.');
  expect((await owner.api(devstack.apiBaseUrl, 'POST', `rooms/${room.id}/stop-recording/`)).status).toBe(200);
  await expect(banner).toHaveCount(0);
});
