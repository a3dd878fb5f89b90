// Background blur with real parts: Alice's fake camera goes through the bundled MediaPipe
// segmenter in her Chromium, under the app's own Content-Security-Policy, and Bruno receives her
// video over LiveKit. What Bruno's <video> shows is measured: the mean absolute Laplacian of its
// grey levels (high-frequency energy) falls sharply when Alice turns blur on, and comes back when
// she turns it off. Turning blur on fetches the runtime and the model from the app's origin only.
// WebGL is drawn in software here (Chromium's SwiftShader, no GPU), as on many virtual desktops:
// the app says so next to the effect choices and, while blur is on, captures and sends the camera
// at 360p instead of the user's 720p, which comes back once blur is off. Only what happens is
// asserted, never how fast: a software blur sends a few frames a second, fewer on a busy machine.
import { cspViolations } from './app-policy';
import {
  aliceAndBruno,
  cameraCaptureHeights,
  chooseEffectInCall,
  effectChoices,
  EFFECT_DESCRIPTION,
  expectEffectSettled,
  openEffectsInCall,
  openSettings,
  PREJOIN_PREVIEW,
  sentVideoHeights,
  sharpness,
  sharpnessWhenShown,
} from './background-effects';
import { expect, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { expectVideoPlaying, MEDIA_TIMEOUT, recordCaptures, remoteVideo, remoteVideoIdentities } from './media-probe';
import { createRoom } from './rooms';

test('a blurred camera reaches the other participant much smoother, and sharp again when blur is off', async ({ devstack, openParticipant }) => {
  // Two browsers, LiveKit and a software-rendered blur share two cores.
  test.setTimeout(900_000);
  const { room, contacts, alice, bruno } = await aliceAndBruno(devstack, openParticipant);

  await alice.page.goto(`${devstack.origin}/${room.slug}`);
  // The prejoin offers the effects; nothing of MediaPipe is loaded until someone chooses one. The
  // choices say, once and not as a live announcement, what an effect costs without a GPU.
  const effectsButton = alice.page.getByRole('button', { name: 'Effets', exact: true });
  await expect(effectsButton).toHaveAttribute('aria-expanded', 'false');
  await effectsButton.click();
  await expect(effectChoices(alice.page)).toHaveAccessibleDescription(EFFECT_DESCRIPTION);
  await expect(alice.page.getByRole('radio', { name: 'Aucun effet' })).toBeChecked();
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
  await chooseEffectInCall(alice.page, 'Flou fort');
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

  await chooseEffectInCall(alice.page, 'Aucun effet');
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
  await chooseEffectInCall(alice.page, 'Flou fort');
  await alice.page.getByRole('button', { name: 'Quitter la réunion' }).click();
  await alice.page.goto(`${devstack.origin}/${room.slug}`);
  await alice.page.getByRole('button', { name: 'Effets', exact: true }).click();
  await expect(alice.page.getByRole('radio', { name: 'Flou fort' })).toBeChecked();
  // The blur starts once the camera is open: until the preview shows, nothing is starting yet.
  await expect(alice.page.locator(PREJOIN_PREVIEW)).toBeAttached();
  await expectEffectSettled(alice.page);
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
  const noEffect = alice.page.getByRole('radio', { name: 'Aucun effet' });
  await noEffect.check();
  await expect(noEffect).toBeChecked();
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

  const dialog = await openEffectsInCall(alice.page);
  await dialog.getByRole('radio', { name: 'Flou fort' }).check();
  await expect(dialog.getByRole('alert').filter({ hasText: 'effet' })).toHaveText(
    'L’effet d’arrière-plan n’a pas pu démarrer. Votre caméra est envoyée telle quelle ; réessayez plus tard.',
    { timeout: MEDIA_TIMEOUT },
  );
  // The choices show what the camera really sends, and the choice is not kept.
  await expect(dialog.getByRole('radio', { name: 'Aucun effet' })).toBeChecked();
  expect(await alice.page.evaluate(() => JSON.parse(localStorage.getItem('visio.devicePreferences') ?? '{}').backgroundEffect)).toEqual({ kind: 'none' });
  await alice.page.getByRole('button', { name: 'Fermer les effets' }).click();
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
