// Low-bandwidth mode, turned on by the user: with three other people publishing a camera and a
// microphone (real LiveKit participants), one of them speaking, the speaker's video goes on
// playing, the two others are paused (their tiles say so, the server stops sending their video),
// everyone's audio still flows, and "show video" brings a paused tile back while the mode stays on.
// Then the same mode started by the app itself when the link stops, and ended when it is good again.
import type { Page } from '@playwright/test';
import fr from '../common/locales/fr/renderer.json' with { type: 'json' };
import { expect, test } from './bot-fixtures';
import { announcements, recordAnnouncements } from './call-watch';
import { CutProxy } from './cut-proxy';
import { enterCall } from './join';
import { expectVideoPlaying, MEDIA_TIMEOUT, recordPeerConnections, remoteVideo } from './media-probe';
import { createRoom } from './rooms';
import { openCallSettings } from './call-controls';
import { aliceBehindProxy, cameraTile, QUIET_AMPLITUDE } from './speaker-and-listener';


/**
 * Frames and bytes the page received so far for the camera of each identity, read from the
 * inbound RTP entry of the track its <video> holds (a paused tile keeps its <video>, hidden).
 */
function inboundVideoByIdentity(page: Page, identities: string[]): Promise<Record<string, number | null>> {
  return page.evaluate(async (wanted) => {
    const connections = (window as unknown as { __visioPeerConnections?: RTCPeerConnection[] }).__visioPeerConnections ?? [];
    const framesByTrack = new Map<string, number>();
    for (const connection of connections) {
      if (connection.connectionState === 'closed') continue;
      (await connection.getStats()).forEach((entry: { type: string; kind?: string; trackIdentifier?: string; framesReceived?: number }) => {
        if (entry.type === 'inbound-rtp' && entry.kind === 'video' && entry.trackIdentifier) framesByTrack.set(entry.trackIdentifier, entry.framesReceived ?? 0);
      });
    }
    const result: Record<string, number | null> = {};
    for (const identity of wanted) {
      const video = document.querySelector<HTMLVideoElement>(`video[data-participant-identity=${JSON.stringify(identity)}]`);
      const trackId = (video?.srcObject as MediaStream | null)?.getVideoTracks()[0]?.id;
      result[identity] = trackId === undefined ? null : (framesByTrack.get(trackId) ?? null);
    }
    return result;
  }, identities);
}

/** Bytes received so far on each inbound audio stream of the page, by SSRC. */
function inboundAudioBySsrc(page: Page): Promise<Record<string, number>> {
  return page.evaluate(async () => {
    const connections = (window as unknown as { __visioPeerConnections?: RTCPeerConnection[] }).__visioPeerConnections ?? [];
    const result: Record<string, number> = {};
    for (const connection of connections) {
      if (connection.connectionState === 'closed') continue;
      (await connection.getStats()).forEach((entry: { type: string; kind?: string; ssrc?: number; bytesReceived?: number }) => {
        if (entry.type === 'inbound-rtp' && entry.kind === 'audio') result[String(entry.ssrc)] = entry.bytesReceived ?? 0;
      });
    }
    return result;
  });
}

/**
 * The server stopped sending the paused cameras: on three readings in a row, each taken once the
 * speaker's camera has received more frames, none of the paused ones has received a single frame
 * more. A camera still sent never passes; a busy machine only makes the readings further apart.
 */
async function expectPausedWhileSpeakerFlows(page: Page, speaker: string, paused: string[]): Promise<void> {
  let previous: Record<string, number | null> | null = null;
  let quietReadings = 0;
  await expect
    .poll(
      async () => {
        const now = await inboundVideoByIdentity(page, [speaker, ...paused]);
        const before = previous;
        if (!before || now[speaker] === null || before[speaker] === null || now[speaker]! <= before[speaker]!) {
          if (!before) previous = now;
          return quietReadings;
        }
        previous = now;
        const stillSent = paused.some((identity) => now[identity] === null || now[identity] !== before[identity]);
        quietReadings = stillSent ? 0 : quietReadings + 1;
        return quietReadings;
      },
      { timeout: MEDIA_TIMEOUT, message: 'the paused cameras receive no frame while the speaker’s does, three readings in a row' },
    )
    .toBeGreaterThanOrEqual(3);
}

/**
 * Records, from the first page load on and in order, what the mode status says ("said …") and
 * each camera tile's video being paused or resumed ("paused <identity>", "resumed <identity>").
 */
async function recordModeEvents(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const events: string[] = [];
    (window as unknown as { __visioModeEvents: string[] }).__visioModeEvents = events;
    new MutationObserver((mutations) => {
      for (const mutation of mutations) {
        const target = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
        if (mutation.type === 'attributes' && target?.getAttribute('data-testid') === 'participant-tile') {
          const paused = target.hasAttribute('data-video-paused');
          if (paused !== (mutation.oldValue !== null)) events.push(`${paused ? 'paused' : 'resumed'} ${target.getAttribute('data-participant-identity')}`);
        } else if (mutation.type === 'childList' && target?.closest('[data-testid="low-bandwidth-status"]')) {
          for (const node of mutation.addedNodes) if (node.textContent) events.push(`said ${node.textContent}`);
        }
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-video-paused'], attributeOldValue: true });
  });
}

function modeEvents(page: Page): Promise<string[]> {
  return page.evaluate(() => [...((window as unknown as { __visioModeEvents?: string[] }).__visioModeEvents ?? [])]);
}

/** Every one of the `count` remote microphones has sent more audio since the call. */
async function expectAudioFlowingFromAll(page: Page, count: number): Promise<void> {
  const start = await inboundAudioBySsrc(page);
  await expect
    .poll(
      async () => {
        const now = await inboundAudioBySsrc(page);
        return Object.entries(now).filter(([ssrc, bytes]) => start[ssrc] !== undefined && bytes > start[ssrc]!).length;
      },
      { timeout: MEDIA_TIMEOUT, message: `audio keeps arriving from all ${count} microphones` },
    )
    .toBeGreaterThanOrEqual(count);
}

test('low-bandwidth mode keeps the speaker’s video and everyone’s audio, pauses the other cameras and brings one back on request', async ({
  devstack,
  openParticipant,
  joinBot,
}) => {
  test.setTimeout(600_000);
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await recordPeerConnections(page);
  await recordAnnouncements(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await enterCall(page, devstack.origin, room.slug, 'Alice Durand');

  const speaker = await joinBot(room, { name: 'Sophie Oratrice' });
  const listeners = [await joinBot(room, { name: 'Bruno Écoute' }), await joinBot(room, { name: 'Claire Silence' })];
  await speaker.publishVideo();
  await speaker.publishAudio();
  for (const listener of listeners) {
    await listener.publishVideo();
    await listener.publishAudio({ amplitude: QUIET_AMPLITUDE });
  }
  const quiet = listeners.map((listener) => listener.identity);
  for (const identity of [speaker.identity, ...quiet]) await expectVideoPlaying(page, remoteVideo(identity));

  // The user turns the mode on in the settings; the choice is remembered.
  await openCallSettings(page);
  const dialog = page.getByRole('dialog', { name: 'Paramètres' });
  await dialog.getByRole('switch', { name: fr.settings.lowBandwidth }).check();
  await dialog.getByRole('button', { name: 'Fermer les paramètres' }).click();
  const status = page.getByRole('status').filter({ hasText: fr.lowBandwidth.enteredManual });
  await expect(status).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('visio.callPreferences') ?? '{}').lowBandwidth)).toBe(true);

  for (const identity of quiet) {
    await expect(cameraTile(page, identity)).toHaveAttribute('data-video-paused', 'true', { timeout: MEDIA_TIMEOUT });
    await expect(cameraTile(page, identity).getByText(fr.lowBandwidth.paused)).toBeVisible();
  }
  await expect(cameraTile(page, speaker.identity)).not.toHaveAttribute('data-video-paused');
  await expect(cameraTile(page, speaker.identity).getByText(fr.lowBandwidth.paused)).toHaveCount(0);
  await expectVideoPlaying(page, remoteVideo(speaker.identity));
  await expectPausedWhileSpeakerFlows(page, speaker.identity, quiet);
  await expectAudioFlowingFromAll(page, 3);

  // One paused tile is brought back: it plays again, and stays received while the mode is on.
  const [broughtBack, stillPaused] = quiet as [string, string];
  await cameraTile(page, broughtBack).getByRole('button', { name: 'Afficher la vidéo de Bruno Écoute' }).click();
  await expect(cameraTile(page, broughtBack)).not.toHaveAttribute('data-video-paused');
  await expectVideoPlaying(page, remoteVideo(broughtBack));
  await expect(cameraTile(page, stillPaused)).toHaveAttribute('data-video-paused', 'true');
  await expectPausedWhileSpeakerFlows(page, speaker.identity, [stillPaused]);

  // Off again: every camera plays, and the change is said.
  await openCallSettings(page);
  await dialog.getByRole('switch', { name: fr.settings.lowBandwidth }).uncheck();
  await dialog.getByRole('button', { name: 'Fermer les paramètres' }).click();
  // The line goes away after a few seconds: what was said is read from the record.
  await expect.poll(() => announcements(page), { timeout: MEDIA_TIMEOUT }).toContain(fr.lowBandwidth.leftManual);
  await expect(page.locator('[data-video-paused]')).toHaveCount(0);
  await expectVideoPlaying(page, remoteVideo(stillPaused));
  // Each change said once, however much the speakers and tiles changed in between.
  const said = await announcements(page);
  expect(said.filter((text) => text === fr.lowBandwidth.enteredManual)).toHaveLength(1);
  expect(said.filter((text) => text === fr.lowBandwidth.leftManual)).toHaveLength(1);
});

test('a link that stops by itself turns the mode on, and it ends, said once each, when the link has been good for a while', async ({
  devstack,
  openParticipant,
  joinBot,
}) => {
  test.setTimeout(600_000);
  // Alice's media and signalling go through a proxy that can stop every byte: her media watchdog
  // sees the media stop, one of the signals the mode starts on (the server's Poor rating of the
  // link is the other, covered by server-rates-poor.spec.ts).
  const proxy = await CutProxy.start();
  try {
    const { page, speaker, listener } = await aliceBehindProxy({ devstack, openParticipant, joinBot }, proxy, async (page) => {
      await recordAnnouncements(page);
      await recordModeEvents(page);
    });

    // The cut lasts until the app has said so, well within the signalling's own timeout.
    proxy.cut();
    try {
      await expect(page.getByRole('status').filter({ hasText: fr.lowBandwidth.enteredAutomatic })).toBeVisible({ timeout: MEDIA_TIMEOUT });
      await expect(cameraTile(page, listener.identity)).toHaveAttribute('data-video-paused', 'true');
    } finally {
      proxy.restore();
    }
    // Once the link is back the speaker plays; the mode ends by itself only after a while of good link.
    await expectVideoPlaying(page, remoteVideo(speaker.identity));
    await expect.poll(() => announcements(page), { timeout: MEDIA_TIMEOUT }).toContain(fr.lowBandwidth.leftAutomatic);
    await expect(page.locator('[data-video-paused]')).toHaveCount(0);
    await expectVideoPlaying(page, remoteVideo(listener.identity));
    // The other camera stayed paused from the start of the mode to its end, whatever the machine's pace.
    const events = (await modeEvents(page)).filter((event) => event.startsWith('said ') || event.endsWith(` ${listener.identity}`));
    expect(events).toEqual([
      `said ${fr.lowBandwidth.enteredAutomatic}`,
      `paused ${listener.identity}`,
      `said ${fr.lowBandwidth.leftAutomatic}`,
      `resumed ${listener.identity}`,
    ]);
    const said = await announcements(page);
    expect(said.filter((text) => text === fr.lowBandwidth.enteredAutomatic)).toHaveLength(1);
    expect(said.filter((text) => text === fr.lowBandwidth.leftAutomatic)).toHaveLength(1);
  } finally {
    await proxy.stop();
  }
});
