// Live subtitles as Meet's subtitle agent publishes them, in both forms (legacy transcription
// packets and `lk.transcription` text streams), each shown with the name of the person who spoke,
// not of the agent that sent it.
import { randomUUID } from 'node:crypto';
import { type Bot, expect, test } from './bot-fixtures';
import { TrackSource } from '@livekit/rtc-node';
import { enterCall } from './join';
import { createRoom } from './rooms';

function microphoneSid(agent: Bot, identity: string): string {
  const participant = [...agent.room.remoteParticipants.values()].find((candidate) => candidate.identity === identity);
  const publication = [...(participant?.trackPublications.values() ?? [])].find((candidate) => candidate.source === TrackSource.SOURCE_MICROPHONE);
  return publication?.sid ?? '';
}

/** The legacy form alone: one transcription packet. */
async function publishLegacySegment(agent: Bot, speaker: string, trackSid: string, id: string, text: string): Promise<void> {
  await agent.room.localParticipant!.publishTranscription({
    participantIdentity: speaker,
    trackSid,
    segments: [{ id, text, language: 'fr', startTime: BigInt(0), endTime: BigInt(0), final: true }],
  });
}

/** The text-stream form alone, attributed to the speaker's track. */
async function publishStreamSegment(agent: Bot, speaker: string, trackSid: string, id: string, text: string): Promise<void> {
  const writer = await agent.room.localParticipant!.streamText({
    topic: 'lk.transcription',
    senderIdentity: speaker,
    attributes: { 'lk.segment_id': id, 'lk.transcription_final': 'true', 'lk.transcribed_track_id': trackSid },
  });
  await writer.write(text);
  await writer.close();
}

test('subtitles in both forms are shown with the name of the participant who spoke', async ({ devstack, openParticipant, joinBot }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');
  const speaker = await joinBot(room, { name: 'Sophie Oratrice' });
  await speaker.publishAudio();
  const agent = await joinBot(room, { name: 'Agent sous-titres', subtitleAgent: true });
  await expect(page.locator('[data-testid="participant-tile"][aria-label="Sophie Oratrice"]')).toBeVisible();

  const subtitlesButton = page.getByRole('toolbar').getByRole('button', { name: 'Sous-titres' });
  await subtitlesButton.click();
  await expect(subtitlesButton).toHaveAttribute('aria-pressed', 'true');
  const region = page.getByRole('region', { name: 'Sous-titres en direct' });
  await expect(region).toContainText('Les sous-titres vont s’afficher dès que quelqu’un parle.');

  const appIdentity = await page.locator('[data-testid="participant-tile"][aria-label="Alice Durand (vous)"]').getAttribute('data-participant-identity');
  await expect.poll(() => microphoneSid(agent, speaker.identity)).not.toBe('');
  await expect.poll(() => microphoneSid(agent, appIdentity ?? '')).not.toBe('');

  // Legacy transcription packet, for the bot that speaks.
  await publishLegacySegment(agent, speaker.identity, microphoneSid(agent, speaker.identity), `legacy-${randomUUID()}`, 'Bonjour à toutes et à tous.');
  const legacyLine = region.locator('p').filter({ hasText: 'Bonjour à toutes et à tous.' });
  await expect(legacyLine).toHaveText('Sophie Oratrice : Bonjour à toutes et à tous.');
  await expect(legacyLine).toHaveAttribute('data-speaker-identity', speaker.identity);

  // Text stream, for the app's own user: attributed to them, not to the agent that sent it.
  await publishStreamSegment(agent, appIdentity!, microphoneSid(agent, appIdentity!), `stream-${randomUUID()}`, 'Merci, je commence.');
  const streamLine = region.locator('p').filter({ hasText: 'Merci, je commence.' });
  await expect(streamLine).toHaveText('Alice Durand : Merci, je commence.');
  await expect(streamLine).toHaveAttribute('data-speaker-identity', appIdentity!);

  // Both forms of one segment, as the agent sends them: shown once.
  await agent.publishSubtitle({ participantIdentity: speaker.identity, text: 'Une seule ligne pour deux formes.' });
  await expect(region.locator('p').filter({ hasText: 'Une seule ligne pour deux formes.' })).toHaveText('Sophie Oratrice : Une seule ligne pour deux formes.');
  await expect(region.locator('p').filter({ hasText: 'Une seule ligne pour deux formes.' })).toHaveCount(1);
  await expect(region.locator('p')).toHaveCount(3);
});
