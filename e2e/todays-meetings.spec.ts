// Today's meetings on the home page. The page runs in its browser variant, so the test plays the
// main process (agenda-as-desktop.ts): the devstack's agenda feed read by the desktop's own
// calendar code, and the page's `calendar:today` answered with what main answers. Then
// "Rejoindre", by keyboard, leads to that meeting's prejoin and into it.
import { CALENDAR_MEETING } from '../devstack/calendar-feed';
import { todaysMeetingsAnswer } from '../main/desktop/calendar/todays-meetings';
import { answerAgendaAsDesktop, desktopAgendaAnswer } from './agenda-as-desktop';
import { accessibilityViolations } from './axe';
import { expect, test } from './fixtures';
import { expectInCall, joinFromPrejoin } from './join';
import { createRoom } from './rooms';

test('today’s meeting from the agenda is on the home page, and Rejoindre leads into it by keyboard', async ({ devstack, openParticipant }) => {
  await createRoom(devstack, 'public', undefined, CALENDAR_MEETING.slug);
  const answer = await desktopAgendaAnswer(devstack);
  expect(answer).toMatchObject({ state: 'read', meetings: [{ slug: CALENDAR_MEETING.slug, title: CALENDAR_MEETING.title }] });

  const { page } = await openParticipant('about:blank');
  await answerAgendaAsDesktop(page, answer);
  await page.goto(devstack.origin);
  const today = page.getByRole('region', { name: 'Vos réunions d’aujourd’hui' });
  await expect(today.getByRole('listitem')).toHaveCount(1);
  const timeZone = await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);
  const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date('2026-11-30T14:00:00Z'));
  await expect(today.getByRole('listitem')).toContainText(CALENDAR_MEETING.title);
  await expect(today.getByRole('listitem')).toContainText(time);
  expect(await accessibilityViolations(page)).toEqual([]);

  const join = today.getByRole('button', { name: `Rejoindre « ${CALENDAR_MEETING.title} », à ${time}` });
  await join.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${devstack.origin}/${CALENDAR_MEETING.slug}`);
  await joinFromPrejoin(page, 'Agathe Agenda');
  await expectInCall(page);
});

test('without an agenda on this computer, the home page says so plainly', async ({ openParticipant }) => {
  const { page } = await openParticipant('/');
  const today = page.getByRole('region', { name: 'Vos réunions d’aujourd’hui' });
  await expect(today).toContainText('Aucun agenda n’est relié à Visio sur cet ordinateur');
  await expect(today.getByRole('button')).toHaveCount(0);
  expect(await accessibilityViolations(page)).toEqual([]);
});

test('an agenda with no Visio meeting today says so', async ({ devstack, openParticipant }) => {
  const { page } = await openParticipant('about:blank');
  await answerAgendaAsDesktop(page, todaysMeetingsAnswer(true, []));
  await page.goto(devstack.origin);
  await expect(page.getByRole('region', { name: 'Vos réunions d’aujourd’hui' })).toContainText('Aucune réunion Visio dans votre agenda aujourd’hui.');
  expect(await accessibilityViolations(page)).toEqual([]);
});
