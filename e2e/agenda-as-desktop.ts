// The desktop's agenda, for pages running in their browser variant: the devstack's feed read by
// the desktop's own calendar code (the feed's HTTP Basic credentials, the ICS with its time zone
// and weekly rule, the day's meetings on a clock set to the Monday of the weekly meeting), and the
// page's `calendar:today` answered with what main answers.
import type { Page } from '@playwright/test';
import type { TodaysMeetings } from '../common/ipc-contract';
import { CALENDAR_FEED_PASSWORD, CALENDAR_FEED_PATH, CALENDAR_FEED_USER, calendarProfileFor } from '../devstack/calendar-feed';
import type { Devstack } from '../devstack/index';
import { CalendarAgenda } from '../main/desktop/calendar/calendar-agenda';
import type { CalendarMeeting } from '../main/desktop/calendar/calendar-feed';
import { FakeClock } from '../main/desktop/calendar/test-fixtures/fake-clock';
import { todaysMeetingsAnswer } from '../main/desktop/calendar/todays-meetings';

/** Monday 30 November 2026, midday UTC: the weekly meeting starts at 14:00 UTC (09:00 in New York). */
export const MONDAY_NOON = Date.parse('2026-11-30T12:00:00Z');

/** What main answers on `calendar:today` once its agenda has read the devstack's feed. */
export async function desktopAgendaAnswer(devstack: Devstack): Promise<TodaysMeetings> {
  const profile = calendarProfileFor(devstack);
  let today: CalendarMeeting[] | null = null;
  const agenda = new CalendarAgenda({
    feedUrl: `${devstack.origin}${CALENDAR_FEED_PATH}`,
    profile,
    linkConfig: { scheme: profile.scheme, meetingHosts: profile.meetingHosts },
    fetch: (url, init) => fetch(url, init),
    clock: new FakeClock(MONDAY_NOON),
    calendarSecret: async () => `${CALENDAR_FEED_USER}:${CALENDAR_FEED_PASSWORD}`,
    onReminder: () => undefined,
    onMeetingsChanged: (meetings) => {
      today = meetings;
    },
  });
  const reading = await agenda.refresh();
  agenda.dispose();
  if (!reading.ok) throw new Error(`the devstack's agenda feed could not be read: ${reading.reason}`);
  return todaysMeetingsAnswer(true, today);
}

/**
 * Stands in for the main process on `calendar:today`; every other channel goes to the page's own
 * API. Kept as source text: the TypeScript runner of scripts (tsx) adds helpers to compiled
 * functions that do not exist in the page.
 */
export async function answerAgendaAsDesktop(page: Page, answer: TodaysMeetings): Promise<void> {
  await page.addInitScript({
    content: `(() => {
  const agenda = ${JSON.stringify(answer)};
  let api;
  Object.defineProperty(window, 'visio', {
    configurable: true,
    get: () => api,
    set: (value) => {
      api = {
        invoke: (channel, payload) => (channel === 'calendar:today' ? Promise.resolve({ ok: true, value: agenda }) : value.invoke(channel, payload)),
        on: (event, listener) => value.on(event, listener),
      };
    },
  });
})();`,
  });
}
