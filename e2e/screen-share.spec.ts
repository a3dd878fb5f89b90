// A screen share in Chromium (fake display capture): one participant starts it from the control
// bar, the other sees the share tile playing; then the Stop of the "you are sharing" indicator
// ends it for both. The page runs in its browser variant, so the test plays the main process: it
// hears the page's call state, feeds it to the indicator's own decisions, and sends the
// indicator's stop command back as the desktop would.
import type { Page } from '@playwright/test';
import type { MainEvents } from '../common/ipc-contract';
import type { CallState } from '../main/desktop/call-state';
import { onCallStateChanged, onStopClicked, type ShareIndicatorEffect, type ShareIndicatorPhase } from '../main/desktop/screen-share/share-indicator';
import { expect, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { captures, expectVideoPlaying, MEDIA_TIMEOUT, recordCaptures } from './media-probe';
import { createRoom } from './rooms';

const shareVideo = '[data-testid="participant-tile"][data-source="screen_share"] video';

/** Stands in for the main process: the page's `call:state` reports, and a way to send it events. */
async function listenAsDesktop(page: Page): Promise<CallState[]> {
  const reports: CallState[] = [];
  await page.exposeFunction('__visioReportCallState', (state: CallState) => {
    reports.push(state);
  });
  await page.addInitScript(() => {
    const listeners = new Map<string, Set<(payload: unknown) => void>>();
    type Api = {
      invoke(channel: string, payload: unknown): Promise<unknown>;
      on(event: string, listener: (payload: unknown) => void): () => void;
    };
    const page = window as unknown as {
      __visioReportCallState(state: unknown): Promise<void>;
      __visioMainEvent(event: string, payload: unknown): void;
    };
    page.__visioMainEvent = (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload));
    let api: Api | undefined;
    Object.defineProperty(window, 'visio', {
      configurable: true,
      get: () => api,
      set: (value: Api) => {
        api = {
          invoke: (channel, payload) => {
            if (channel === 'call:state') void page.__visioReportCallState(payload);
            return value.invoke(channel, payload);
          },
          on: (event, listener) => {
            const set = listeners.get(event) ?? new Set();
            set.add(listener);
            listeners.set(event, set);
            return () => set.delete(listener);
          },
        };
      },
    });
  });
  return reports;
}

function sendToPage<E extends keyof MainEvents>(page: Page, event: E, payload: MainEvents[E]): Promise<void> {
  return page.evaluate(
    ([name, data]) => (window as unknown as { __visioMainEvent(event: string, payload: unknown): void }).__visioMainEvent(name, data),
    [event, payload] as const,
  );
}

test('a screen share is seen playing by the other participant, and the indicator’s Stop ends it', async ({ devstack, openParticipant }) => {
  const room = await createRoom(devstack, 'public');
  const sharer = await openParticipant('about:blank');
  const viewer = await openParticipant('about:blank');
  const reports = await listenAsDesktop(sharer.page);
  await recordCaptures(sharer.page);
  for (const participant of [sharer, viewer]) await participant.page.goto(`${devstack.origin}/${room.slug}`);
  await joinFromPrejoin(sharer.page, 'Sacha Partage');
  await expectInCall(sharer.page);
  await joinFromPrejoin(viewer.page, 'Vera Regard');
  await expectInCall(viewer.page);

  const shareButton = sharer.page.getByRole('toolbar').getByRole('button', { name: 'Partager l’écran' });
  await expect(shareButton).toHaveAttribute('aria-pressed', 'false');
  await shareButton.click();
  await expect(shareButton).toHaveAttribute('aria-pressed', 'true');

  // The viewer's share tile plays: a real size, and time and decoded frames moving on.
  await expect(viewer.page.locator(shareVideo)).toHaveCount(1, { timeout: MEDIA_TIMEOUT });
  await expectVideoPlaying(viewer.page, shareVideo);

  // The desktop's indicator, driven by what the page reports: shown while the share is live.
  let phase: ShareIndicatorPhase = 'hidden';
  const effects: ShareIndicatorEffect[] = [];
  const follow = (transition: { phase: ShareIndicatorPhase; effects: ShareIndicatorEffect[] }) => {
    phase = transition.phase;
    effects.push(...transition.effects);
  };
  await expect.poll(() => reports.some((state) => state.state === 'in-call' && state.sharing)).toBe(true);
  for (const state of reports.splice(0)) follow(onCallStateChanged(phase, state));
  expect(phase).toBe('sharing');
  expect(effects).toEqual(['show']);

  // Stop in the indicator: the page is asked to stop, and the share ends on the other side.
  follow(onStopClicked(phase));
  expect(effects.at(-1)).toBe('request-stop');
  await sendToPage(sharer.page, 'event:command', { command: 'stop-screen-share' });
  await expect(viewer.page.locator(shareVideo)).toHaveCount(0);
  await expect(viewer.page.locator('[data-testid="participant-tile"][data-source="screen_share"]')).toHaveCount(0);
  await expect(shareButton).toHaveAttribute('aria-pressed', 'false');

  // The page says the share is over: the indicator goes away.
  await expect.poll(() => reports.some((state) => !state.sharing)).toBe(true);
  for (const state of reports.splice(0)) follow(onCallStateChanged(phase, state));
  expect(phase).toBe('hidden');
  expect(effects.at(-1)).toBe('hide');

  // The same stop command never starts a share: a command sent after it has acted, and the
  // screen was not asked for again.
  const { screenRequests } = await captures(sharer.page);
  expect(screenRequests).toBe(1);
  const microphoneButton = sharer.page.getByRole('toolbar').getByRole('button', { name: 'Microphone', exact: true });
  await expect(microphoneButton).toHaveAttribute('aria-pressed', 'true');
  await sendToPage(sharer.page, 'event:command', { command: 'stop-screen-share' });
  await sendToPage(sharer.page, 'event:command', { command: 'toggle-mic' });
  await expect(microphoneButton).toHaveAttribute('aria-pressed', 'false');
  await expect(shareButton).toHaveAttribute('aria-pressed', 'false');
  expect((await captures(sharer.page)).screenRequests).toBe(screenRequests);
});
