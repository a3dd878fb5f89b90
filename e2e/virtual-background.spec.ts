// Virtual backgrounds with real parts: Alice picks the bundled "Champ de lavande" picture in the
// effects panel of her prejoin, whose field is one strong violet over two thirds of the picture.
// Her fake camera (a turning shape on a plain grey background, with no violet at all) goes
// through the bundled MediaPipe segmenter in her Chromium, under the app's own
// Content-Security-Policy; her preview shows the violet at once, and Bruno, over LiveKit, receives
// it too. Back to no effect from the call's effects dialog, the violet leaves Bruno's picture. The
// picture, the runtime and the model come from the app's origin, nothing from elsewhere. WebGL is
// drawn in software here (no GPU), so the picture is composed on the processor, as the blur is.
import { cspViolations } from './app-policy';
import { accessibilityViolations } from './axe';
import { aliceAndBruno, colourShare, effectChoices, EFFECT_DESCRIPTION, expectEffectSettled, openEffectsInCall, PREJOIN_PREVIEW } from './background-effects';
import { expect, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { expectVideoPlaying, MEDIA_TIMEOUT, remoteVideo, remoteVideoIdentities } from './media-probe';

/** The lavender field of build/backgrounds/generate-backgrounds.mjs. */
const LAVENDER: [number, number, number] = [122, 63, 166];
/** The fake camera shows no violet: nearly none of its picture comes close to the lavender. */
const ABSENT = 0.02;
/** With the picture behind the shape, the field covers most of what is not the shape. */
const PRESENT = 0.25;

test('a bundled virtual background is seen in the preview and by the other participant, and fetched from the app only', async ({ devstack, openParticipant }) => {
  // Two browsers, LiveKit and a software-rendered segmentation share two cores.
  test.setTimeout(900_000);
  const { room, contacts, alice, bruno } = await aliceAndBruno(devstack, openParticipant);

  await alice.page.goto(`${devstack.origin}/${room.slug}`);
  const preview = alice.page.locator(PREJOIN_PREVIEW);
  await expect.poll(() => colourShare(alice.page, PREJOIN_PREVIEW, LAVENDER), { timeout: MEDIA_TIMEOUT }).not.toBeNull();
  const before = (await colourShare(alice.page, PREJOIN_PREVIEW, LAVENDER))!;
  expect(before).toBeLessThan(ABSENT);
  const violationsBefore = await cspViolations(alice.page);
  const contactsBefore = contacts.length;

  // The panel: one group of choices, each picture named.
  await alice.page.getByRole('button', { name: 'Effets', exact: true }).click();
  const choices = effectChoices(alice.page);
  await expect(choices).toHaveAccessibleDescription(EFFECT_DESCRIPTION);
  for (const name of ['Aucun effet', 'Flou léger', 'Flou fort', 'Prairie', 'Lagon', 'Crépuscule', 'Champ de lavande', 'Dunes']) {
    await expect(choices.getByRole('radio', { name })).toBeVisible();
  }
  // The recorded instance keeps users' pictures off (`upload_is_enabled: false`): none is offered.
  await expect(alice.page.getByRole('button', { name: 'Choisir une image sur cet ordinateur…' })).toHaveCount(0);

  await choices.getByRole('radio', { name: 'Champ de lavande' }).check();
  await expectEffectSettled(alice.page);
  let inPreview = 0;
  await expect
    .poll(async () => (inPreview = (await colourShare(alice.page, PREJOIN_PREVIEW, LAVENDER)) ?? 0), { timeout: MEDIA_TIMEOUT, intervals: [500] })
    .toBeGreaterThan(PRESENT);
  await expect(preview).toBeVisible();

  await joinFromPrejoin(alice.page, 'Alice Durand');
  await expectInCall(alice.page);
  // axe is injected as a script, which the app's policy refuses on Alice's page: Bruno's, served
  // without it, shows it the same panel, in the prejoin and in the call.
  await bruno.page.goto(`${devstack.origin}/${room.slug}`);
  await bruno.page.getByRole('button', { name: 'Effets', exact: true }).click();
  await expect(effectChoices(bruno.page)).toBeVisible();
  expect(await accessibilityViolations(bruno.page)).toEqual([]);
  await joinFromPrejoin(bruno.page, 'Bruno Petit');
  await expectInCall(bruno.page);
  await expect.poll(() => remoteVideoIdentities(bruno.page).then((ids) => ids.length), { timeout: MEDIA_TIMEOUT }).toBe(1);
  const [alicesVideo] = await remoteVideoIdentities(bruno.page);
  const atBruno = remoteVideo(alicesVideo!);
  let received = 0;
  await expect.poll(async () => (received = (await colourShare(bruno.page, atBruno, LAVENDER)) ?? 0), { timeout: MEDIA_TIMEOUT, intervals: [1000] }).toBeGreaterThan(PRESENT);
  await expectVideoPlaying(bruno.page, atBruno);
  await openEffectsInCall(bruno.page);
  expect(await accessibilityViolations(bruno.page)).toEqual([]);
  await bruno.page.getByRole('button', { name: 'Fermer les effets' }).click();

  // The picture came from the app's origin, like the runtime and the model, and nothing else was contacted.
  const effectContacts = contacts.slice(contactsBefore).filter((contact) => contact.channel === 'renderer');
  const urls = effectContacts.map((contact) => contact.url);
  expect(urls).toEqual(
    expect.arrayContaining([
      expect.stringMatching(new RegExp(`^${devstack.origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/assets/lavender-[\\w-]+\\.png$`)),
      `${devstack.origin}/mediapipe/wasm/vision_wasm_internal.wasm`,
      `${devstack.origin}/mediapipe/models/selfie_segmentation_landscape.tflite`,
    ]),
  );
  const livekitOrigin = new URL(devstack.livekitUrl).origin;
  const apiOrigin = new URL(devstack.apiBaseUrl).origin;
  const elsewhere = urls.filter((url) => !url.startsWith(`${devstack.origin}/`) && !url.startsWith(livekitOrigin) && !url.startsWith(apiOrigin) && !/^(?:data|blob):/.test(url));
  expect(elsewhere).toEqual([]);
  expect(await cspViolations(alice.page)).toEqual(violationsBefore);

  // In the call, the settings open the same panel, which remembers the choice; no effect takes the picture away.
  const dialog = await openEffectsInCall(alice.page);
  await expect(dialog.getByRole('radio', { name: 'Champ de lavande' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'Aucun effet' }).check();
  await expectEffectSettled(alice.page);
  await alice.page.getByRole('button', { name: 'Fermer les effets' }).click();
  let after = 1;
  await expect.poll(async () => (after = (await colourShare(bruno.page, atBruno, LAVENDER)) ?? 1), { timeout: MEDIA_TIMEOUT, intervals: [1000] }).toBeLessThan(ABSENT);
  await expectVideoPlaying(bruno.page, atBruno);
  expect(await alice.page.evaluate(() => JSON.parse(localStorage.getItem('visio.devicePreferences') ?? '{}').backgroundEffect)).toEqual({ kind: 'none' });
  console.log(
    `Lavender share: Alice's preview ${(100 * before).toFixed(1)} % without effect, ${(100 * inPreview).toFixed(1)} % with it; ` +
      `at Bruno ${(100 * received).toFixed(1)} % with it, ${(100 * after).toFixed(1)} % after`,
  );
});
