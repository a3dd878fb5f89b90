// The connection test against the real devstack and Chromium's fake devices: every step passes
// on a healthy stack (the microphone heard, the camera's frames at the chosen size, the
// signalling resumed after a cut) and the report saved holds them (and no token); each step fails
// and says why, with advice for IT support, when its cause is there: LiveKit down, the camera
// refused, a proxy that lets no new connection through; an instance that turned the test off is
// named as the reason; the test opens from the home page, the prejoin and the in-call settings,
// is accessible, and reaches no host but the backend and the LiveKit server it names.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import type { ConnectionTestReport } from '../common/connection-test-report';
import { accessibilityViolations } from './axe';
import { expect, test } from './fixtures';
import { enterCall } from './join';
import { MEDIA_TIMEOUT } from './media-probe';
import { recordedIceUrls, recordRenderer } from './network-recorder';
import { createRoom } from './rooms';
import type { RecordedContact } from '../main/policy/sovereignty-check';
import { openCallSettings } from './call-controls';
import { CutProxy } from './cut-proxy';

const STEP_IDS = ['microphone', 'camera', 'backend', 'signalling', 'ice', 'media', 'bandwidth', 'reconnect'];
/** The devstack LiveKit's embedded TURN server, the one ICE server the page may keep. */
const LOOPBACK_TURN_URL = /^turn:127\.0\.0\.1:\d+\?transport=udp$/;

async function openConnectionTest(
  page: Page,
  opener: Locator = page.getByRole('button', { name: 'Tester ma connexion' }),
  title = 'Test de connexion',
): Promise<Locator> {
  await opener.click();
  const dialog = page.getByRole('dialog', { name: title });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Starts the test and waits for its result (it moves the focus there once done). */
async function runTest(dialog: Locator): Promise<Locator> {
  const start = dialog.getByRole('button', { name: 'Lancer le test' });
  await expect(start).toBeFocused();
  await start.click();
  await expect(dialog.getByRole('heading', { name: 'Étapes du test', level: 3 })).toBeVisible();
  const outcome = dialog.getByTestId('connection-test-outcome');
  await expect(outcome).toBeVisible({ timeout: MEDIA_TIMEOUT });
  await expect(dialog.getByRole('heading', { name: 'Résultat', level: 3 })).toBeFocused();
  return outcome;
}

async function stepStatuses(dialog: Locator): Promise<Record<string, string | null>> {
  const statuses: Record<string, string | null> = {};
  for (const id of STEP_IDS) statuses[id] = await dialog.getByTestId(`connection-step-${id}`).getAttribute('data-status');
  return statuses;
}

/** Each step's state and sentence, so that a failure says which step and why. */
async function stepTexts(dialog: Locator): Promise<string[]> {
  return Promise.all(STEP_IDS.map((id) => dialog.getByTestId(`connection-step-${id}`).innerText()));
}

/** Saves the report (the browser variant hands it to the downloads) and reads it back. */
async function saveReport(page: Page, dialog: Locator): Promise<{ report: ConnectionTestReport; text: string; fileName: string }> {
  const downloaded = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Enregistrer le rapport' }).click();
  const download = await downloaded;
  const text = await readFile(await download.path(), 'utf8');
  await expect(dialog.getByText('Rapport enregistré.')).toBeVisible();
  return { report: JSON.parse(text) as ConnectionTestReport, text, fileName: download.suggestedFilename() };
}

test('passes step by step against the devstack, saves a report holding the steps and no token, and reaches only the backend and LiveKit', async ({ devstack, openParticipant }) => {
  devstack.settings.connectionTest = true;
  const contacts: RecordedContact[] = [];
  const person = await openParticipant('about:blank');
  const { page } = person;
  await recordRenderer(person.context, page, contacts);
  const tokens: string[] = [];
  page.on('response', (response) => {
    if (response.url().endsWith('/diagnostics/connection/') && response.ok()) {
      void response.json().then((body: { livekit: { token: string } }) => tokens.push(body.livekit.token));
    }
  });
  await page.goto(`${devstack.origin}/`);

  const dialog = await openConnectionTest(page);
  expect(await accessibilityViolations(page)).toEqual([]);
  const outcome = await runTest(dialog);

  // Latency and bandwidth are figures: a busy machine may make them warn, never fail.
  const statuses = await stepStatuses(dialog);
  expect(statuses, (await stepTexts(dialog)).join(' | ')).toEqual({
    microphone: 'pass',
    camera: 'pass',
    backend: 'pass',
    signalling: 'pass',
    ice: 'pass',
    media: 'pass',
    bandwidth: statuses.bandwidth === 'warn' ? 'warn' : 'pass',
    reconnect: 'pass',
  });
  const expected = statuses.bandwidth === 'pass' ? 'pass' : 'warn';
  const outcomeSentence = expected === 'pass' ? 'Tout fonctionne : votre connexion convient aux réunions.' : 'Votre connexion fonctionne, avec des réserves : voyez les étapes à surveiller.';
  await expect(outcome).toHaveAttribute('data-outcome', expected);
  await expect(outcome).toHaveText(outcomeSentence);
  await expect(dialog.getByTestId('connection-step-ice')).toContainText('La vidéo passe directement, en UDP');
  // Chromium's fake devices: a beeping microphone, a camera giving the 720p the settings ask for.
  await expect(dialog.getByTestId('connection-step-microphone')).toContainText(/Le micro « .+ » capte le son\./);
  await expect(dialog.getByTestId('connection-step-camera')).toContainText(/La caméra « .+ » envoie des images en 1280 × 720 \(\d+ images par seconde\)\./);
  await expect(dialog.getByTestId('connection-step-reconnect')).toContainText(/la connexion au serveur de visioconférence a repris en \d+ ms\./);
  // Nothing to advise on steps that passed.
  for (const id of ['microphone', 'camera', 'signalling', 'reconnect']) await expect(dialog.getByTestId(`connection-advice-${id}`)).toHaveCount(0);
  await expect(dialog.getByTestId('connection-step-bandwidth')).toContainText(/Aller-retour de \d+ ms, débit disponible d’environ \d+ kbit\/s/);
  // The live region ends on the result, said once.
  await expect(page.getByTestId('connection-test-announcement')).toHaveText(`Test terminé. ${outcomeSentence}`);
  expect(await accessibilityViolations(page)).toEqual([]);

  const { report, text, fileName } = await saveReport(page, dialog);
  expect(fileName).toMatch(/^visio-test-connexion-\d{4}-\d{2}-\d{2}-\d{4}\.json$/);
  expect(report).toMatchObject({
    format: 'visio-connection-test/2',
    app: { kind: 'browser', language: 'fr' },
    instance: { apiBaseUrl: devstack.apiBaseUrl, livekitUrl: devstack.livekitUrl },
    outcome: expected,
    selectedCandidatePair: { local: { protocol: 'udp' } },
  });
  expect(report.app.version).toMatch(/^\d+\.\d+\.\d+/);
  expect(Date.parse(report.finishedAt)).toBeGreaterThanOrEqual(Date.parse(report.startedAt));
  expect(Object.fromEntries(report.steps.map((step) => [step.id, step.status]))).toEqual(statuses);
  expect(report.steps.find((step) => step.id === 'bandwidth')?.details).toMatchObject({ roundTripMs: expect.any(Number) });
  for (const step of report.steps) {
    expect(step.durationMs, step.id).toEqual(expect.any(Number));
    expect(step.summary, step.id).not.toBe('');
  }
  expect(report.steps.find((step) => step.id === 'ice')?.details).toMatchObject({ route: 'udp', localProtocol: 'udp' });
  expect(report.steps.find((step) => step.id === 'media')?.details).toMatchObject({ packetsSent: expect.any(Number) });
  expect(report.steps.find((step) => step.id === 'microphone')?.details).toMatchObject({ heardAfterMs: expect.any(Number), peakLevel: expect.any(Number) });
  expect(report.steps.find((step) => step.id === 'camera')?.details).toMatchObject({ width: 1280, height: 720, wantedWidth: 1280, wantedHeight: 720 });
  expect(report.steps.find((step) => step.id === 'reconnect')?.details).toMatchObject({ attempted: true, reconnected: true, reconnectMs: expect.any(Number) });
  expect(report.steps.filter((step) => step.status === 'pass').map((step) => step.advice)).toEqual(report.steps.filter((step) => step.status === 'pass').map(() => null));
  expect(tokens).toHaveLength(1);
  expect(text).not.toContain(tokens[0]);
  expect(text).not.toMatch(/eyJ|access_token/);

  // Closing gives the focus back to the button that opened the test.
  await dialog.getByRole('button', { name: 'Fermer le test de connexion' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Tester ma connexion' })).toBeFocused();

  // Every request and socket went to the devstack's host, and every peer connection got only
  // its TURN server (LiveKit also hands out foreign STUN and TURN servers here).
  const ice = await recordedIceUrls(page);
  expect(ice.length).toBeGreaterThan(0);
  expect(ice.map((contact) => contact.url).filter((url) => !LOOPBACK_TURN_URL.test(url))).toEqual([]);
  expect(contacts.some((contact) => contact.channel === 'websocket' && contact.url.startsWith(devstack.livekitUrl))).toBe(true);
  expect(contacts.filter((contact) => new URL(contact.url).hostname !== '127.0.0.1').map((contact) => contact.url)).toEqual([]);
});

test('with LiveKit down, the signalling step fails and says why, the rest is skipped, and the report holds it', async ({ devstack, openParticipant }) => {
  const { page } = await openParticipant('/');
  const dialog = await openConnectionTest(page);
  await devstack.stopLivekit();
  try {
    const outcome = await runTest(dialog);
    await expect(outcome).toHaveAttribute('data-outcome', 'fail');
    await expect(outcome).toHaveText('Le test a échoué : voyez l’étape en échec.');
    expect(await stepStatuses(dialog)).toEqual({
      microphone: 'pass',
      camera: 'pass',
      backend: 'pass',
      signalling: 'fail',
      ice: 'skipped',
      media: 'skipped',
      bandwidth: 'skipped',
      reconnect: 'skipped',
    });
    const signalling = dialog.getByTestId('connection-step-signalling');
    await expect(signalling).toContainText('Échec');
    await expect(signalling).toContainText('Impossible de joindre le serveur de visioconférence');
    await expect(dialog.getByTestId('connection-advice-signalling')).toHaveText(/^Pour le support informatique : Autoriser les WebSocket sécurisées/);
    await expect(dialog.getByTestId('connection-step-media')).toContainText('Non effectué : une étape précédente a échoué.');
    expect(await accessibilityViolations(page)).toEqual([]);

    const { report } = await saveReport(page, dialog);
    expect(report.outcome).toBe('fail');
    expect(report.steps.map((step) => step.status)).toEqual(['pass', 'pass', 'pass', 'fail', 'skipped', 'skipped', 'skipped', 'skipped']);
    const signallingStep = report.steps.find((step) => step.id === 'signalling');
    expect(signallingStep?.details.error).toEqual(expect.any(String));
    expect(signallingStep?.advice).toMatch(/^Autoriser les WebSocket sécurisées/);
    expect(report.selectedCandidatePair).toBeNull();
  } finally {
    await devstack.startLivekit();
  }
  // Back up: running it again passes.
  await dialog.getByRole('button', { name: 'Relancer le test' }).click();
  await expect(dialog.getByTestId('connection-test-outcome')).toHaveAttribute('data-outcome', /^(pass|warn)$/, { timeout: MEDIA_TIMEOUT });
});

test('an instance that turned the test off is named as the reason, in the user’s language, from the prejoin', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  devstack.settings.connectionTest = false;
  try {
    const { page } = await openParticipant(`/${room.slug}?lang=en`);
    const dialog = await openConnectionTest(page, page.getByRole('button', { name: 'Test my connection' }), 'Connection test');
    await dialog.getByRole('button', { name: 'Start the test' }).click();
    const outcome = dialog.getByTestId('connection-test-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'disabled', { timeout: MEDIA_TIMEOUT });
    await expect(outcome).toHaveText('Your Visio instance has turned the connection test off. If you have trouble, contact your IT support.');
    await expect(dialog.getByTestId('connection-step-signalling')).toContainText('Not run: your instance has turned the test off.');
    expect(await accessibilityViolations(page)).toEqual([]);
  } finally {
    devstack.settings.connectionTest = true;
  }
});

test('opens from the settings during a call, above them, and gives the focus back to them', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const { page } = await openParticipant('about:blank');
  await enterCall(page, devstack.origin, room.slug, 'Dominique Petit');
  await openCallSettings(page);
  const settings = page.getByRole('dialog', { name: 'Paramètres' });
  const opener = settings.getByRole('button', { name: 'Tester ma connexion' });
  const dialog = await openConnectionTest(page, opener);
  const outcome = await runTest(dialog);
  expect(await stepStatuses(dialog), (await stepTexts(dialog)).join(' | ')).toMatchObject({ signalling: 'pass', media: 'pass' });
  await expect(outcome).toHaveAttribute('data-outcome', /^(pass|warn)$/);
  expect(await accessibilityViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(settings).toBeVisible();
  await expect(opener).toBeFocused();
  // The call went on meanwhile.
  await expect(page.getByTestId('call')).toBeVisible();
});

test('with the camera refused, the camera step fails and says why, with advice, and the other steps go on', async ({ devstack, openParticipant }) => {
  // No fake-UI auto-accept: the microphone is allowed, the camera's prompt is denied.
  const { page, context } = await openParticipant('about:blank', { withoutArgs: ['--use-fake-ui-for-media-stream'], args: ['--deny-permission-prompts'] });
  await context.clearPermissions();
  await context.grantPermissions(['microphone'], { origin: devstack.origin });
  await page.goto(`${devstack.origin}/`);
  const dialog = await openConnectionTest(page);
  const outcome = await runTest(dialog);
  await expect(outcome).toHaveAttribute('data-outcome', 'fail');
  const statuses = await stepStatuses(dialog);
  expect(statuses, (await stepTexts(dialog)).join(' | ')).toMatchObject({ microphone: 'pass', camera: 'fail', signalling: 'pass', media: 'pass', reconnect: 'pass' });
  const camera = dialog.getByTestId('connection-step-camera');
  await expect(camera).toContainText('Échec');
  await expect(camera).toContainText('L’accès à la caméra a été refusé.');
  await expect(dialog.getByTestId('connection-advice-camera')).toHaveText(/^Pour le support informatique : Autoriser l’accès à la caméra pour Visio/);
  expect(await accessibilityViolations(page)).toEqual([]);

  const { report } = await saveReport(page, dialog);
  expect(report.outcome).toBe('fail');
  expect(report.steps.find((step) => step.id === 'camera')).toMatchObject({
    status: 'fail',
    summary: 'L’accès à la caméra a été refusé.',
    advice: expect.stringMatching(/^Autoriser l’accès à la caméra pour Visio/),
    details: { failure: 'permission_denied' },
  });
});

test('behind a proxy that lets no new connection through, the reconnection step fails and says why, with advice', async ({ devstack, openParticipant }) => {
  const proxy = await CutProxy.start();
  try {
    // The signalling goes through the proxy; the media keeps its direct UDP.
    const { page } = await openParticipant('about:blank', proxy.launchOptions([devstack.origin, devstack.issuer], { media: false }));
    await page.goto(`${devstack.origin}/`);
    const dialog = await openConnectionTest(page);
    await dialog.getByRole('button', { name: 'Lancer le test' }).click();
    // Once the signalling connection is up, the proxy keeps it and refuses any other.
    await expect(dialog.getByTestId('connection-step-signalling')).toHaveAttribute('data-status', 'pass', { timeout: MEDIA_TIMEOUT });
    proxy.refuseNewTunnels();
    const outcome = dialog.getByTestId('connection-test-outcome');
    await expect(outcome).toHaveAttribute('data-outcome', 'fail', { timeout: MEDIA_TIMEOUT });
    expect(await stepStatuses(dialog), (await stepTexts(dialog)).join(' | ')).toMatchObject({ signalling: 'pass', ice: 'pass', media: 'pass', reconnect: 'fail' });
    const reconnect = dialog.getByTestId('connection-step-reconnect');
    await expect(reconnect).toContainText('Échec');
    await expect(reconnect).toContainText('la connexion au serveur de visioconférence n’a pas repris');
    await expect(dialog.getByTestId('connection-advice-reconnect')).toHaveText(/^Pour le support informatique : Vérifier que le proxy ou le pare-feu laisse ouvrir de nouvelles WebSocket/);
    expect(await accessibilityViolations(page)).toEqual([]);

    const { report } = await saveReport(page, dialog);
    expect(report.steps.find((step) => step.id === 'reconnect')).toMatchObject({
      status: 'fail',
      advice: expect.stringMatching(/^Vérifier que le proxy ou le pare-feu/),
      details: { attempted: true, reconnected: false },
    });
  } finally {
    await proxy.stop();
  }
});
