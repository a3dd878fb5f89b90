// What the background-effect specs share: readings of what a <video> shows (sharpness, share of
// a colour), of what the camera captures and sends, and the way to the effects panel in the call.
import type { Page } from '@playwright/test';
import type { Devstack } from '../devstack/index';
import type { RecordedContact } from '../main/policy/sovereignty-check';
import { servePagesWithPolicy } from './app-policy';
import { expect, type Participant } from './fixtures';
import { captures, MEDIA_TIMEOUT, recordCaptures } from './media-probe';
import { recordRenderer } from './network-recorder';
import { createRoom } from './rooms';
import { chooseInMoreOptions, openCallSettings } from './call-controls';

/**
 * A public room, and two participants on a blank page: Alice, whose renderer's contacts are
 * recorded, whose pages are served under the app's policy and whose captures are recorded, and Bruno.
 */
export async function aliceAndBruno(devstack: Devstack, openParticipant: (path?: string) => Promise<Participant>) {
  const room = await createRoom(devstack, 'public');
  const contacts: RecordedContact[] = [];
  const alice = await openParticipant('about:blank');
  const bruno = await openParticipant('about:blank');
  await recordRenderer(alice.context, alice.page, contacts);
  await servePagesWithPolicy(alice.page, devstack);
  await recordCaptures(alice.page);
  return { room, contacts, alice, bruno };
}

/**
 * High-frequency energy of what a <video> shows: the mean absolute Laplacian of its grey levels,
 * drawn at 320 pixels wide (the received resolution may change with the network). The fake
 * camera's picture is a turning sector on a plain background: one frame's energy goes from a third
 * to the whole of another's as it turns, about once in two seconds. The mean over two seconds of
 * frames therefore holds still from one reading to the next.
 */
export function sharpness(page: Page, selector: string): Promise<number | null> {
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
export async function sharpnessWhenShown(page: Page, selector: string): Promise<number> {
  let reading = 0;
  await expect.poll(async () => (reading = (await sharpness(page, selector)) ?? 0), { timeout: MEDIA_TIMEOUT }).toBeGreaterThan(0);
  return reading;
}

/** The heights the page's running cameras capture at (the prejoin's preview stops on joining). */
export const cameraCaptureHeights = async (page: Page) => (await captures(page)).liveCameraHeights;

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
export async function sentVideoHeights(page: Page): Promise<number[]> {
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

const SOFTWARE_NOTE = 'Sans accélération graphique, la vidéo avec effet est envoyée en 360p.';
/** What describes the effect choices here: where effects are computed, and what they cost without a GPU. */
export const EFFECT_DESCRIPTION = `L’effet est calculé sur cet ordinateur : seule l’image modifiée est envoyée. ${SOFTWARE_NOTE}`;

/** The group of effect choices, in the prejoin or the call's effects dialog. */
export const effectChoices = (scope: Page | ReturnType<Page['getByRole']>) => scope.getByRole('group', { name: 'Arrière-plan de votre caméra' });

export const PREJOIN_PREVIEW = 'video.preview__video';

export const openSettings = (page: Page) => openCallSettings(page);

/** Opens the effects dialog of the call from "more options". */
export async function openEffectsInCall(page: Page) {
  await chooseInMoreOptions(page, 'Effets d’arrière-plan');
  return page.getByRole('dialog', { name: 'Effets d’arrière-plan' });
}

/** Waits until the effect chosen is set up (loading and compiling can take long on a busy machine), and says no failure. */
export async function expectEffectSettled(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: 'Application de l’effet' })).toHaveCount(0, { timeout: MEDIA_TIMEOUT });
  await expect(page.getByRole('alert').filter({ hasText: 'effet' })).toHaveCount(0);
}

/** Chooses an effect (its radio button's name) in the call's effects dialog, and closes it once the effect runs. */
export async function chooseEffectInCall(page: Page, choice: string): Promise<void> {
  const dialog = await openEffectsInCall(page);
  await expect(effectChoices(dialog)).toHaveAccessibleDescription(EFFECT_DESCRIPTION);
  const radio = dialog.getByRole('radio', { name: choice });
  await radio.check();
  await expectEffectSettled(page);
  await expect(radio).toBeChecked();
  await page.getByRole('button', { name: 'Fermer les effets' }).click();
}

/**
 * The share of what a <video> shows that is close to `colour` ([r, g, b], each channel within
 * `tolerance`), over ten frames drawn at 160 pixels wide; null while it shows no frame.
 */
export function colourShare(page: Page, selector: string, colour: [number, number, number], tolerance = 40): Promise<number | null> {
  return page.evaluate(
    async ({ wanted, target, within }) => {
      const video = document.querySelector<HTMLVideoElement>(wanted);
      if (!video || video.videoWidth === 0) return null;
      const width = 160;
      const height = Math.round((width * video.videoHeight) / video.videoWidth);
      const context = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true })!;
      let close = 0;
      let total = 0;
      for (let sample = 0; sample < 10; sample++) {
        context.drawImage(video, 0, 0, width, height);
        const { data } = context.getImageData(0, 0, width, height);
        for (let index = 0; index < data.length; index += 4) {
          total++;
          if (Math.abs(data[index]! - target[0]) <= within && Math.abs(data[index + 1]! - target[1]) <= within && Math.abs(data[index + 2]! - target[2]) <= within) close++;
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return close / total;
    },
    { wanted: selector, target: colour, within: tolerance },
  );
}
