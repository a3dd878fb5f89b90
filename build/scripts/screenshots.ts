// `npm run screenshots`: every screen of the app, as a person sees it, in French and English, at
// 1280×720 and 1024×768, into docs/screenshots/<language>/<width>x<height>/. The screens come from
// the real thing: the devstack (real LiveKit, identity provider and Meet API) serving the built app,
// Debian Chromium with its fake camera, and rtc-node bots with moving cameras as the other people.
// The agenda on the logged-in home is the devstack's feed, read by the desktop's own calendar code
// (e2e/agenda-as-desktop.ts), as the browser variant has no agenda of its own.
import '../../bench/production-logging';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegisteredRoom } from '../../common/meet-types';
import { Bot } from '../../devstack/bot';
import { CALENDAR_MEETING } from '../../devstack/calendar-feed';
import { startDevstack, type Devstack } from '../../devstack/index';
import { answerAgendaAsDesktop, desktopAgendaAnswer } from '../../e2e/agenda-as-desktop';
import { launchChromium } from '../../e2e/browser';
import type { TodaysMeetings } from '../../common/ipc-contract';
import { miniWindowSize } from '../../main/security/window-options';
import { chooseInMoreOptions, moreOptionsButton, moreOptionsMenu } from '../../e2e/call-controls';
import { createRoom, ownerSession, shareSession } from '../../e2e/rooms';
import type { HttpSession } from '../../devstack/http-session';
import en from '../../common/locales/en/renderer.json' with { type: 'json' };
import fr from '../../common/locales/fr/renderer.json' with { type: 'json' };

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outputRoot = join(root, 'docs', 'screenshots');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
] as const;
const LANGUAGES = { fr, en } as const;
type LanguageCode = keyof typeof LANGUAGES;
type Strings = (typeof LANGUAGES)[LanguageCode];
const WAIT_MS = 120_000;

const sleep = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

interface Rooms {
  owner: HttpSession;
  agenda: TodaysMeetings;
  alone: () => Promise<RegisteredRoom>;
  withFour: RegisteredRoom;
  withSixteen: RegisteredRoom;
  restricted: RegisteredRoom;
}

async function botsIn(devstack: Devstack, room: RegisteredRoom, count: number, firstNames: readonly string[]): Promise<Bot[]> {
  const bots: Bot[] = [];
  for (let index = 0; index < count; index += 1) {
    const bot = await Bot.join(devstack, { room: room.id, name: firstNames[index] ?? `Participant ${index + 1}` });
    await bot.publishVideo({ width: 640, height: 360, fps: 5 });
    bots.push(bot);
  }
  return bots;
}

const PEOPLE = [
  'Camille Martin', 'Louis Bernard', 'Chloé Petit', 'Hugo Robert', 'Inès Richard', 'Jules Moreau', 'Léa Laurent', 'Nathan Simon',
  'Manon Michel', 'Gabriel Lefebvre', 'Jade Leroy', 'Arthur Roux', 'Zoé David', 'Raphaël Bertrand', 'Alice Morel',
];

class Shooter {
  constructor(
    private readonly folder: string,
    readonly strings: Strings,
  ) {}

  async shot(page: Page, name: string): Promise<void> {
    // Animations and the caret settle; a video shows a frame.
    await sleep(700);
    await page.screenshot({ path: join(this.folder, `${name}.png`) });
    console.log(`  ${join(this.folder, `${name}.png`).slice(root.length + 1)}`);
  }
}

async function waitForPlayingVideos(page: Page, count: number): Promise<void> {
  await page.waitForFunction(
    (expected) => [...document.querySelectorAll('video')].filter((video) => video.videoWidth > 0 && video.currentTime > 0).length >= expected,
    count,
    { timeout: WAIT_MS },
  );
}

async function openPrejoin(page: Page, devstack: Devstack, slug: string, language: LanguageCode): Promise<void> {
  await page.goto(`${devstack.origin}/${slug}?lang=${language}`);
  await page.getByLabel(LANGUAGES[language].prejoin.nameLabel).waitFor({ state: 'visible', timeout: WAIT_MS });
}

async function joinCall(page: Page, strings: Strings, name: string): Promise<void> {
  await page.getByLabel(strings.prejoin.nameLabel).fill(name);
  await page.getByRole('button', { name: strings.prejoin.join }).click();
  await page.getByTestId('call').getByRole('button', { name: strings.call.leave }).waitFor({ state: 'visible', timeout: WAIT_MS });
}

async function leaveCall(page: Page, strings: Strings): Promise<void> {
  await page.getByTestId('call').getByRole('button', { name: strings.call.leave }).click({ noWaitAfter: true });
  await page.getByTestId('call').waitFor({ state: 'detached', timeout: WAIT_MS });
}

/** Opens the settings dialog from the call's "more options" menu. */
async function openSettings(page: Page, strings: Strings, language: LanguageCode): Promise<void> {
  await chooseInMoreOptions(page, strings.settings.open, language);
  await page.getByRole('dialog', { name: strings.settings.title }).waitFor({ state: 'visible', timeout: WAIT_MS });
}

/** Opens the floating call window from the bar, or from "more options" when the bar moved it there. */
async function openFloatingWindow(page: Page, strings: Strings, language: LanguageCode): Promise<Page> {
  const popup = page.waitForEvent('popup', { timeout: WAIT_MS });
  const onBar = page.getByRole('toolbar').getByRole('button', { name: strings.pip.open, exact: true });
  if (await onBar.isVisible()) await onBar.click();
  else {
    await moreOptionsButton(page, language).click();
    const menu = moreOptionsMenu(page, language);
    await menu.getByRole('menuitemcheckbox', { name: strings.pip.open, exact: true }).or(menu.getByRole('menuitem', { name: strings.pip.open, exact: true })).click();
  }
  const floating = await popup;
  // The size the page asks for (floating-window-store.ts), which a headless popup does not take by itself.
  await floating.setViewportSize(miniWindowSize);
  return floating;
}

/** Home as the owner sees it: recent meetings, and today's meetings from the agenda. */
async function loggedInHome(browser: Browser, devstack: Devstack, rooms: Rooms, language: LanguageCode, size: (typeof SIZES)[number], shooter: Shooter): Promise<void> {
  const context = await browser.newContext({ locale: language === 'fr' ? 'fr-FR' : 'en-GB', viewport: size });
  try {
    await shareSession(context, rooms.owner);
    const page = await context.newPage();
    await answerAgendaAsDesktop(page, rooms.agenda);
    await page.goto(`${devstack.origin}/?lang=${language}`);
    await page.getByRole('region', { name: LANGUAGES[language].home.recent.title }).getByRole('listitem').first().waitFor({ state: 'visible', timeout: WAIT_MS });
    await page.getByRole('region', { name: LANGUAGES[language].home.today.title }).getByRole('listitem').first().waitFor({ state: 'visible', timeout: WAIT_MS });
    await shooter.shot(page, '15-home-logged-in');
  } finally {
    await context.close();
  }
}

async function screensFor(browser: Browser, devstack: Devstack, rooms: Rooms, language: LanguageCode, size: (typeof SIZES)[number]): Promise<void> {
  const folder = join(outputRoot, language, `${size.width}x${size.height}`);
  await mkdir(folder, { recursive: true });
  const strings = LANGUAGES[language];
  const shooter = new Shooter(folder, strings);
  const locale = language === 'fr' ? 'fr-FR' : 'en-GB';
  const context: BrowserContext = await browser.newContext({ locale, viewport: size, permissions: ['camera', 'microphone'] });
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => console.error(`  [page error] ${error.message}`));

    await page.goto(`${devstack.origin}/?lang=${language}`);
    await page.getByRole('main').waitFor({ state: 'visible', timeout: WAIT_MS });
    await shooter.shot(page, '01-home');

    await page.goto(`${devstack.origin}/zzz-zzzz-zzz?lang=${language}`);
    await page.getByRole('alert').first().waitFor({ state: 'visible', timeout: WAIT_MS }).catch(() => undefined);
    await shooter.shot(page, '02-error-unknown-room');

    const alone = await rooms.alone();
    await openPrejoin(page, devstack, alone.slug, language);
    await waitForPlayingVideos(page, 1);
    await shooter.shot(page, '03-prejoin');

    await joinCall(page, strings, 'Agnès Dupont');
    await waitForPlayingVideos(page, 1);
    await shooter.shot(page, '04-call-alone');
    for (const [keys, name] of [
      ['Control+Shift+M', '05-panel-chat'],
      ['Control+Shift+P', '06-panel-participants'],
    ] as const) {
      await page.keyboard.press(keys);
      await shooter.shot(page, name);
      await page.keyboard.press(keys);
    }
    await page.keyboard.press('Control+Shift+/');
    await page.getByRole('dialog').waitFor({ state: 'visible', timeout: WAIT_MS });
    await shooter.shot(page, '07-keyboard-shortcuts');
    await page.keyboard.press('Escape');
    await openSettings(page, strings, language);
    await shooter.shot(page, '08-settings');
    await page.keyboard.press('Escape');

    const mini = await context.newPage();
    await mini.setViewportSize(miniWindowSize);
    await mini.goto(`${devstack.origin}/mini.html?lang=${language}`);
    await mini.getByRole('button', { name: strings.mini.leave }).waitFor({ state: 'visible', timeout: WAIT_MS });
    await shooter.shot(mini, '09-mini-window');
    await mini.close();

    await leaveCall(page, strings);
    await shooter.shot(page, '10-call-ended');

    await openPrejoin(page, devstack, rooms.withFour.slug, language);
    await joinCall(page, strings, 'Agnès Dupont');
    await waitForPlayingVideos(page, 4);
    await shooter.shot(page, '11-call-with-4');
    // The floating window, with the bot that speaks in it.
    const floating = await openFloatingWindow(page, strings, language);
    await floating.getByTestId('floating-name').waitFor({ state: 'visible', timeout: WAIT_MS });
    await waitForPlayingVideos(floating, 1);
    await shooter.shot(floating, '14-floating-window');
    await floating.close();
    await leaveCall(page, strings);

    await openPrejoin(page, devstack, rooms.withSixteen.slug, language);
    await joinCall(page, strings, 'Agnès Dupont');
    await waitForPlayingVideos(page, 12);
    await shooter.shot(page, '12-call-with-16');
    await leaveCall(page, strings);

    // The lobby, from the guest's side: a restricted room asks the host to let people in.
    await openPrejoin(page, devstack, rooms.restricted.slug, language);
    await page.getByLabel(strings.prejoin.nameLabel).fill('Agnès Dupont');
    await page.getByRole('button', { name: strings.prejoin.join }).click();
    await page.getByRole('status').first().waitFor({ state: 'visible', timeout: WAIT_MS });
    await sleep(1_000);
    await shooter.shot(page, '13-lobby-waiting');
    await loggedInHome(browser, devstack, rooms, language, size, shooter);
  } catch (error) {
    const page = context.pages()[0];
    if (page) await page.screenshot({ path: join(root, 'test-results', 'screenshots-failed-here.png') }).catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

async function main(): Promise<void> {
  const webRoot = join(root, 'dist', 'renderer');
  const devstack = await startDevstack({ webRoot });
  const bots: Bot[] = [];
  const browser = await launchChromium();
  try {
    const owner = await ownerSession(devstack);
    const withFour = await createRoom(devstack, 'public', owner);
    const withSixteen = await createRoom(devstack, 'public', owner);
    const restricted = await createRoom(devstack, 'restricted', owner);
    const fourBots = await botsIn(devstack, withFour, 3, PEOPLE);
    // One of them speaks: the floating window shows the speaker.
    await fourBots[0]?.publishAudio();
    bots.push(...fourBots, ...(await botsIn(devstack, withSixteen, 15, PEOPLE)));
    // Today's meeting of the agenda links to a room of this instance.
    await createRoom(devstack, 'public', owner, CALENDAR_MEETING.slug);
    const agenda = await desktopAgendaAnswer(devstack);
    // The host waits in the restricted room, so the guest's request is pending, not refused.
    const hostContext = await browser.newContext({ locale: 'fr-FR', permissions: ['camera', 'microphone'] });
    await shareSession(hostContext, owner);
    const host = await hostContext.newPage();
    await openPrejoin(host, devstack, restricted.slug, 'fr');
    await joinCall(host, fr, 'Hôte de la réunion');
    const rooms: Rooms = { owner, agenda, alone: () => createRoom(devstack, 'public', owner), withFour, withSixteen, restricted };

    await rm(outputRoot, { recursive: true, force: true });
    for (const language of Object.keys(LANGUAGES) as LanguageCode[]) {
      for (const size of SIZES) {
        console.log(`${language} ${size.width}x${size.height}`);
        await screensFor(browser, devstack, rooms, language, size);
      }
    }
    await hostContext.close();
  } finally {
    await browser.close();
    await Promise.allSettled(bots.map((bot) => bot.disconnect()));
    await devstack.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
