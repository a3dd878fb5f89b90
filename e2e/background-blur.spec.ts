// Background blur with real parts: Alice's fake camera goes through the bundled MediaPipe
// segmenter in her Chromium, under the app's own Content-Security-Policy, and Bruno receives her
// video over LiveKit. What Bruno's <video> shows is measured: the mean absolute Laplacian of its
// grey levels (high-frequency energy) falls sharply when Alice turns blur on, and comes back when
// she turns it off. Turning blur on fetches the runtime and the model from the app's origin only.
// WebGL is drawn in software here (Chromium's SwiftShader, no GPU), as on many virtual desktops:
// the app says so next to the blur control and, while blur is on, captures and sends the camera
// at 360p instead of the user's 720p, which comes back once blur is off. Only what happens is
// asserted, never how fast: a software blur sends a few frames a second, fewer on a busy machine.
import type { Page } from '@playwright/test';
import type { RecordedContact } from '../main/policy/sovereignty-check';
import { cspViolations, servePagesWithPolicy } from './app-policy';
import { expect, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { captures, expectVideoPlaying, MEDIA_TIMEOUT, recordCaptures, remoteVideo, remoteVideoIdentities } from './media-probe';
import { recordRenderer } from './network-recorder';
import { createRoom } from './rooms';
import { openCallSettings } from './call-controls';

/**
 * High-frequency energy of what a <video> shows: the mean absolute Laplacian of its grey levels,
 * drawn at 320 pixels wide (the received resolution may change with the network). The fake
 * camera's picture is a turning sector on a plain background: one frame's energy goes from a third
 * to the whole of another's as it turns, about once in two seconds. The mean over two seconds of
 * frames therefore holds still from one reading to the next.
 */
function sharpness(page: Page, selector: string): Promise<number | null> {
  return page.evaluate(async (wanted) => {
    const video = document.querySelector<HTMLVideoElement>(wanted);
    if (!video || video.videoWidth === 0) return null;
    const width = 320;
    const height = Math.round((width * video.videoHeight) / video.videoWidth);
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    const samples: number[] = [];
    for (let sample = 0; sample < 20; sample++) {
      context.drawImage(video, 0, 0, width, height);
      const { data } = context.getImageData(0, 0, width, height);
      const grey = new Float32Array(width * height);
      for (let index = 0; index < grey.length; index++) {
        grey[index] = 0.299 * data[index * 4]! + 0.587 * data[index * 4 + 1]! + 0.114 * data[index * 4 + 2]!;
      }
      let total = 0;
      for (let y = 1; y < height - 1; y++) {
        for (let x = 1; x < width - 1; x++) {
          const at = y * width + x;
          total += Math.abs(4 * grey[at]! - grey[at - 1]! - grey[at + 1]! - grey[at - width]! - grey[at + width]!);
        }
      }
      samples.push(total / ((width - 2) * (height - 2)));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return samples.reduce((sum, value) => sum + value, 0) / samples.length;
  }, selector);
}

/** The sharpness of a <video> once it shows frames (a reading taken while it has none is null). */
async function sharpnessWhenShown(page: Page, selector: string): Promise<number> {
  let reading = 0;
  await expect.poll(async () => (reading = (await sharpness(page, selector)) ?? 0), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  return reading;
}

/** The heights the page's running cameras capture at (the prejoin's preview stops on joining). */
const cameraCaptureHeights = async (page: Page) => (await captures(page)).liveCameraHeights;

type SentLayers = Map<string, { framesSent: number; frameHeight: number }>;

/** Frames sent so far and frame height of each simulcast layer of the camera video the page sends. */
function sentVideoLayers(page: Page): Promise<SentLayers> {
  return page
    .evaluate(async () => {
      const connections = (window as unknown as { __visioRecordedPeerConnections?: RTCPeerConnection[] }).__visioRecordedPeerConnections ?? [];
      const found: [string, { framesSent: number; frameHeight: number }][] = [];
      for (const [index, connection] of connections.entries()) {
        if (connection.connectionState === 'closed') continue;
        (await connection.getStats()).forEach((entry: { id: string; type: string; kind?: string; framesSent?: number; frameHeight?: number }) => {
          if (entry.type === 'outbound-rtp' && entry.kind === 'video') found.push([`${index}/${entry.id}`, { framesSent: entry.framesSent ?? 0, frameHeight: entry.frameHeight ?? 0 }]);
        });
      }
      return found;
    })
    .then((found) => new Map(found));
}

/**
 * The frame heights of the camera video the page is sending now: the simulcast layers that send
 * new frames (a layer the server paused keeps the height of its last frame). Waits for new frames
 * rather than counting them over a fixed time: a blurred camera on a busy machine sends few. A
 * layer seen for the first time (a peer connection made again after a reconnection) counts from
 * there.
 */
async function sentVideoHeights(page: Page): Promise<number[]> {
  const baseline = new Map<string, number>();
  let advanced: number[] = [];
  await expect
    .poll(
      async () => {
        const progress: { frameHeight: number; frames: number }[] = [];
        for (const [id, layer] of await sentVideoLayers(page)) {
          if (!baseline.has(id)) baseline.set(id, layer.framesSent);
          progress.push({ frameHeight: layer.frameHeight, frames: layer.framesSent - baseline.get(id)! });
        }
        advanced = progress.filter((layer) => layer.frames > 0).map((layer) => layer.frameHeight);
        // Two new frames on one layer: every layer still sending has had time for one.
        return Math.max(0, ...progress.map((layer) => layer.frames));
      },
      { timeout: MEDIA_TIMEOUT, message: 'the camera video sends new frames' },
    )
    .toBeGreaterThanOrEqual(2);
  return advanced;
}

const SOFTWARE_NOTE = 'Sans accélération graphique, la vidéo floutée est envoyée en 360p.';
/** What describes the blur control here: where the blur is computed, and what it costs without a GPU. */
const BLUR_DESCRIPTION = `Le flou est calculé sur cet ordinateur : seule l’image floutée est envoyée. ${SOFTWARE_NOTE}`;

const PREJOIN_PREVIEW = 'video.preview__video';

async function openSettings(page: Page) {
  await openCallSettings(page);
  return page.getByRole('dialog', { name: 'Paramètres' });
}

async function setBlurInSettings(page: Page, enabled: boolean): Promise<void> {
  const checkbox = (await openSettings(page)).getByRole('checkbox', { name: 'Flouter l’arrière-plan' });
  await expect(checkbox).toHaveAccessibleDescription(BLUR_DESCRIPTION);
  if (enabled) await checkbox.check();
  else await checkbox.uncheck();
  // Loading the runtime and the model and compiling them can take long on a busy machine.
  await expect(page.getByRole('status').filter({ hasText: 'Activation du flou' })).toHaveCount(0, { timeout: MEDIA_TIMEOUT });
  await expect(page.getByRole('alert').filter({ hasText: 'flou' })).toHaveCount(0);
  await expect(checkbox).toBeChecked({ checked: enabled });
  await page.getByRole('button', { name: 'Fermer les paramètres' }).click();
}

test('a blurred camera reaches the other participant much smoother, and sharp again when blur is off', async ({ devstack, openParticipant }) => {
  // Two browsers, LiveKit and a software-rendered blur share two cores.
  test.setTimeout(900_000);
  const room = await createRoom(devstack, 'public');
  const contacts: RecordedContact[] = [];
  const alice = await openParticipant('about:blank');
  const bruno = await openParticipant('about:blank');
  await recordRenderer(alice.context, alice.page, contacts);
  await servePagesWithPolicy(alice.page, devstack);
  await recordCaptures(alice.page);

  await alice.page.goto(`${devstack.origin}/${room.slug}`);
  // The prejoin offers the toggle; nothing of MediaPipe is loaded until someone turns it on. The
  // toggle says, once and not as a live announcement, what blur costs without a GPU.
  const prejoinToggle = alice.page.getByRole('button', { name: 'Flouter l’arrière-plan' });
  await expect(prejoinToggle).toHaveAttribute('aria-pressed', 'false');
  await expect(prejoinToggle).toHaveAccessibleDescription(BLUR_DESCRIPTION);
  await expect(alice.page.getByRole('status').filter({ hasText: 'accélération' })).toHaveCount(0);
  // The preview as it is without blur, to compare the blurred preview of the next prejoin with.
  const sharpPreview = await sharpnessWhenShown(alice.page, PREJOIN_PREVIEW);
  await joinFromPrejoin(alice.page, 'Alice Durand');
  await expectInCall(alice.page);
  // Without blur the camera goes out at the user's resolution, 720p unless they chose otherwise.
  await expect.poll(() => cameraCaptureHeights(alice.page)).toEqual([720]);
  await bruno.page.goto(`${devstack.origin}/${room.slug}`);
  await joinFromPrejoin(bruno.page, 'Bruno Petit');
  await expectInCall(bruno.page);
  expect(contacts.filter((contact) => contact.url.includes('/mediapipe/'))).toEqual([]);

  await expect.poll(() => remoteVideoIdentities(bruno.page).then((ids) => ids.length), { timeout: MEDIA_TIMEOUT }).toBe(1);
  const [alicesVideo] = await remoteVideoIdentities(bruno.page);
  const sharp = await sharpnessWhenShown(bruno.page, remoteVideo(alicesVideo!));
  console.log(`Alice's video at Bruno, blur off: mean |Laplacian| ${sharp.toFixed(2)}`);

  const beforeBlur = contacts.length;
  // The app's own start-up may already be on record (zod probes whether it may compile code).
  const violationsBeforeBlur = await cspViolations(alice.page);
  console.log(`Alice's camera, blur off: sent at heights ${(await sentVideoHeights(alice.page)).join(', ')}`);
  await setBlurInSettings(alice.page, true);
  let blurred = 0;
  await expect
    .poll(async () => (blurred = (await sharpness(bruno.page, remoteVideo(alicesVideo!))) ?? Infinity), { timeout: MEDIA_TIMEOUT, intervals: [1000] })
    .toBeLessThan(sharp * 0.5);
  // Not one blurred picture and a freeze: Bruno's player keeps decoding new frames.
  await expectVideoPlaying(bruno.page, remoteVideo(alicesVideo!));
  // Blur drawn in software: the camera is captured at 360p, and nothing larger is sent.
  await expect.poll(() => cameraCaptureHeights(alice.page)).toEqual([360]);
  const blurredHeights = await sentVideoHeights(alice.page);
  expect(blurredHeights.length).toBeGreaterThan(0);
  expect(Math.max(...blurredHeights)).toBeLessThanOrEqual(360);
  // The user's own choice is kept for when blur is off.
  await expect((await openSettings(alice.page)).getByLabel('Qualité de votre vidéo envoyée')).toHaveValue('720p');
  await alice.page.getByRole('button', { name: 'Fermer les paramètres' }).click();
  console.log(
    `Alice's video at Bruno, blur on: mean |Laplacian| ${blurred.toFixed(2)} (${((100 * blurred) / sharp).toFixed(0)} %), sent at heights ${blurredHeights.join(', ')}`,
  );

  // The runtime and the model came from the app's origin, and blur contacted nothing else.
  const blurContacts = contacts.slice(beforeBlur);
  const urls = blurContacts.filter((contact) => contact.channel === 'renderer').map((contact) => contact.url);
  expect(urls).toEqual(
    expect.arrayContaining([
      `${devstack.origin}/mediapipe/wasm/vision_wasm_internal.js`,
      `${devstack.origin}/mediapipe/wasm/vision_wasm_internal.wasm`,
      `${devstack.origin}/mediapipe/models/selfie_segmentation_landscape.tflite`,
    ]),
  );
  const livekitOrigin = new URL(devstack.livekitUrl).origin;
  const elsewhere = blurContacts.filter(({ url }) => !url.startsWith(`${devstack.origin}/`) && !url.startsWith(livekitOrigin) && !/^(?:data|blob):/.test(url));
  expect(elsewhere).toEqual([]);
  // The WebAssembly runtime and the model load and run under the app's policy.
  expect(await cspViolations(alice.page)).toEqual(violationsBeforeBlur);

  await setBlurInSettings(alice.page, false);
  let restored = 0;
  await expect
    .poll(async () => (restored = (await sharpness(bruno.page, remoteVideo(alicesVideo!))) ?? 0), { timeout: MEDIA_TIMEOUT, intervals: [1000] })
    .toBeGreaterThan(sharp * 0.7);
  await expectVideoPlaying(bruno.page, remoteVideo(alicesVideo!));
  // Back at the user's resolution.
  await expect.poll(() => cameraCaptureHeights(alice.page)).toEqual([720]);
  console.log(`Alice's video at Bruno, blur off again: mean |Laplacian| ${restored.toFixed(2)}, sent at heights ${(await sentVideoHeights(alice.page)).join(', ')}`);

  // The choice is remembered: on again, then the next prejoin starts with blur on, and its own
  // preview is blurred until the toggle turns it off.
  await setBlurInSettings(alice.page, true);
  await alice.page.getByRole('button', { name: 'Quitter la réunion' }).click();
  await alice.page.goto(`${devstack.origin}/${room.slug}`);
  const toggle = alice.page.getByRole('button', { name: 'Flouter l’arrière-plan' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  // The blur starts once the camera is open: until the preview shows, nothing is starting yet.
  await expect(alice.page.locator(PREJOIN_PREVIEW)).toBeAttached();
  await expect(alice.page.getByRole('status').filter({ hasText: 'Activation du flou' })).toHaveCount(0, { timeout: MEDIA_TIMEOUT });
  await expect(alice.page.getByRole('alert').filter({ hasText: 'flou' })).toHaveCount(0);
  // The fake camera's picture is a plain background and one turning shape, which the segmenter
  // takes for a person in some frames and for background in others: blurred, the preview keeps
  // about three fifths of its energy (against a third of the 720p picture at Bruno’s,
  // where the lower resolution adds its own smoothing).
  let blurredPreview = 0;
  await expect
    .poll(async () => (blurredPreview = (await sharpness(alice.page, PREJOIN_PREVIEW)) ?? Infinity), { timeout: MEDIA_TIMEOUT, intervals: [500] })
    .toBeLessThan(sharpPreview * 0.8);
  // The preview, blurred, is captured at 360p at most as well.
  const previewHeights = await cameraCaptureHeights(alice.page);
  expect(previewHeights.length).toBeGreaterThan(0);
  expect(Math.max(...previewHeights)).toBeLessThanOrEqual(360);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  let sharpAgain = 0;
  await expect
    .poll(async () => (sharpAgain = (await sharpness(alice.page, PREJOIN_PREVIEW)) ?? 0), { timeout: MEDIA_TIMEOUT, intervals: [500] })
    .toBeGreaterThan(sharpPreview * 0.9);
  console.log(
    `Alice's prejoin preview: mean |Laplacian| ${sharpPreview.toFixed(2)} before blur, ${blurredPreview.toFixed(2)} blurred, ${sharpAgain.toFixed(2)} sharp again`,
  );
  const violations = await cspViolations(alice.page);
  expect(violations).toEqual([]);
  // The policy was in force all along: an inline script is refused, and the refusal is seen. An
  // inline script that may run does so as it is inserted, so nothing needs to be waited for.
  const inlineScriptRan = await alice.page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineScriptRan = true';
    document.head.append(script);
    return (window as unknown as { __inlineScriptRan?: boolean }).__inlineScriptRan === true;
  });
  expect(inlineScriptRan).toBe(false);
  await expect.poll(() => cspViolations(alice.page)).toEqual([...violations, expect.stringMatching(/^script-src-elem inline /)]);
});

test('a blur that cannot load says so in the user’s language, and the camera goes on sharp', async ({ devstack, openParticipant }) => {
  test.setTimeout(600_000);
  const room = await createRoom(devstack, 'public');
  const alice = await openParticipant('about:blank');
  const bruno = await openParticipant('about:blank');
  // As when a file of the app is missing or damaged: the model cannot be read.
  await alice.page.route('**/mediapipe/models/**', (route) => route.fulfill({ status: 404, body: '' }));
  await recordCaptures(alice.page);
  await alice.page.goto(`${devstack.origin}/${room.slug}`);
  await joinFromPrejoin(alice.page, 'Alice Durand');
  await expectInCall(alice.page);
  await bruno.page.goto(`${devstack.origin}/${room.slug}`);
  await joinFromPrejoin(bruno.page, 'Bruno Petit');
  await expectInCall(bruno.page);
  await expect.poll(() => remoteVideoIdentities(bruno.page).then((ids) => ids.length), { timeout: MEDIA_TIMEOUT }).toBe(1);
  const [alicesVideo] = await remoteVideoIdentities(bruno.page);
  const sharp = await sharpnessWhenShown(bruno.page, remoteVideo(alicesVideo!));

  const dialog = await openSettings(alice.page);
  const checkbox = dialog.getByRole('checkbox', { name: 'Flouter l’arrière-plan' });
  await checkbox.check();
  await expect(dialog.getByRole('alert').filter({ hasText: 'flou' })).toHaveText(
    'Le flou de l’arrière-plan n’a pas pu démarrer. Votre caméra reste nette ; réessayez plus tard.',
    { timeout: MEDIA_TIMEOUT },
  );
  // The control shows what the camera really sends, and the choice is not kept.
  await expect(checkbox).not.toBeChecked();
  expect(await alice.page.evaluate(() => JSON.parse(localStorage.getItem('visio.devicePreferences') ?? '{}').backgroundBlur)).toBe(false);
  await alice.page.getByRole('button', { name: 'Fermer les paramètres' }).click();
  // The call's banner keeps saying it once the settings are closed.
  await expect(alice.page.getByRole('alert').filter({ hasText: 'n’a pas pu démarrer' })).toBeVisible();

  await expectVideoPlaying(bruno.page, remoteVideo(alicesVideo!));
  // At the user's resolution, not the one a running blur would have been given.
  await expect.poll(() => cameraCaptureHeights(alice.page)).toEqual([720]);
  let after = 0;
  await expect
    .poll(async () => (after = (await sharpness(bruno.page, remoteVideo(alicesVideo!))) ?? 0), { timeout: MEDIA_TIMEOUT, intervals: [1000] })
    .toBeGreaterThan(sharp * 0.7);
  console.log(`Alice's video at Bruno, blur failed: mean |Laplacian| ${after.toFixed(2)} (before: ${sharp.toFixed(2)})`);
});
