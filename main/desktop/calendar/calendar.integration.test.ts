// The agenda against the real devstack: its ICS feed (behind HTTP Basic) read over HTTP by the
// app's own calendar code with Node's fetch, then, on a fake clock, the reminder of the weekly
// New York meeting fires at the right minute with the instance's link, and Join opens prejoin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MainEventName, MainEvents } from '../../../common/ipc-contract';
import type { Profile } from '../../../common/profile';
import { CALENDAR_FEED_PASSWORD, CALENDAR_FEED_PATH, CALENDAR_FEED_USER, CALENDAR_MEETING, calendarProfileFor } from '../../../devstack/calendar-feed';
import { startDevstack, type Devstack } from '../../../devstack/index';
import { NotificationRouter, type NotificationSpec } from '../notifications/notification-router';
import type { CalendarMeeting } from './calendar-feed';
import { CalendarAgenda, readCalendarFeed, type CalendarFetch } from './calendar-agenda';
import { FakeClock } from './test-fixtures/fake-clock';

const nodeFetch: CalendarFetch = (url, init) => fetch(url, init);
const feedSecret = `${CALENDAR_FEED_USER}:${CALENDAR_FEED_PASSWORD}`;

let devstack: Devstack;
let profile: Profile;
let feedUrl: string;
let linkConfig: { scheme: string; meetingHosts: string[] };

beforeAll(async () => {
  devstack = await startDevstack();
  profile = calendarProfileFor(devstack);
  linkConfig = { scheme: profile.scheme, meetingHosts: profile.meetingHosts };
  feedUrl = `${devstack.origin}${CALENDAR_FEED_PATH}`;
});

afterAll(async () => {
  await devstack?.stop();
});

describe('calendar reminders from the devstack feed', () => {
  it('needs the calendar credentials: without them the feed is refused', async () => {
    const now = Date.parse('2026-11-29T20:00:00Z');
    expect(await readCalendarFeed({ feedUrl, profile, calendarSecret: null, linkConfig, fetch: nodeFetch, now })).toEqual({
      ok: false,
      reason: 'refused',
      status: 401,
    });
    expect(
      await readCalendarFeed({ feedUrl, profile, calendarSecret: `${CALENDAR_FEED_USER}:wrong`, linkConfig, fetch: nodeFetch, now }),
    ).toMatchObject({ ok: false, status: 401 });
  });

  it('fires the New York meeting’s reminder five minutes before, with the instance link, and Join opens prejoin', async () => {
    // Sunday evening in Paris; the meeting is Monday 09:00 in New York, 14:00 UTC in winter.
    const clock = new FakeClock(Date.parse('2026-11-29T20:00:00Z'));
    const fired: Array<{ at: string; meeting: CalendarMeeting }> = [];
    const shown: NotificationSpec[] = [];
    const sent: Array<[MainEventName, unknown]> = [];
    let tray: CalendarMeeting[] = [];
    let windowShown = 0;
    const router = new NotificationRouter({
      language: () => 'fr',
      supportsActions: true,
      windowVisible: () => false,
      windowFocused: () => false,
      showWindow: () => {
        windowShown += 1;
      },
      show: (notification) => shown.push(notification),
      send: <E extends MainEventName>(event: E, payload: MainEvents[E]) => sent.push([event, payload]),
    });
    const agenda = new CalendarAgenda({
      feedUrl,
      profile,
      linkConfig,
      fetch: nodeFetch,
      clock,
      calendarSecret: async () => feedSecret,
      onReminder: (meeting) => {
        fired.push({ at: new Date(clock.now()).toISOString(), meeting });
        router.meetingStarting(meeting);
      },
      onMeetingsChanged: (meetings) => {
        tray = meetings;
      },
    });

    const reading = await agenda.refresh();
    expect(reading.ok).toBe(true);
    if (!reading.ok) return;
    expect(reading.meetings.map((meeting) => [meeting.startsAt.toISOString(), meeting.slug, meeting.title])).toEqual([
      ['2026-11-30T14:00:00.000Z', CALENDAR_MEETING.slug, CALENDAR_MEETING.title],
    ]);
    const sameLocalDay = (first: number, second: Date) => new Date(first).toDateString() === second.toDateString();
    const meetingStart = reading.meetings[0]!.startsAt;
    expect(tray.map((meeting) => meeting.slug)).toEqual(sameLocalDay(clock.now(), meetingStart) ? [CALENDAR_MEETING.slug] : []);

    clock.advanceTo(Date.parse('2026-11-30T13:54:59Z'));
    expect(fired).toEqual([]);
    // A new reading of the feed in between does not change the plan; on its day, the tray lists it.
    await agenda.refresh();
    expect(tray.map((meeting) => meeting.slug)).toEqual(sameLocalDay(clock.now(), meetingStart) ? [CALENDAR_MEETING.slug] : []);
    clock.advanceTo(Date.parse('2026-11-30T13:56:00Z'));
    expect(fired.map((entry) => [entry.at, entry.meeting.slug])).toEqual([['2026-11-30T13:55:00.000Z', CALENDAR_MEETING.slug]]);

    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: CALENDAR_MEETING.title, actions: ['Rejoindre'] });
    router.respond(shown[0]!.id, { type: 'action', index: 0 });
    expect(sent).toEqual([['event:join', { slug: CALENDAR_MEETING.slug }]]);
    expect(windowShown).toBe(1);

    // Once announced, the same occurrence is not announced again on the next reading.
    await agenda.refresh();
    clock.advanceTo(Date.parse('2026-11-30T15:00:00Z'));
    expect(fired).toHaveLength(1);
    agenda.dispose();
  });

  it('follows the meeting in New York time across daylight saving: 13:00 UTC in October', async () => {
    const now = Date.parse('2026-10-25T12:00:00Z');
    const reading = await readCalendarFeed({ feedUrl, profile, calendarSecret: feedSecret, linkConfig, fetch: nodeFetch, now });
    expect(reading).toMatchObject({ ok: true });
    if (!reading.ok) return;
    expect(reading.meetings.map((meeting) => meeting.startsAt.toISOString())).toEqual(['2026-10-26T13:00:00.000Z']);
  });

  it('keeps no meeting when the feed links to another instance than the profile’s', async () => {
    const now = Date.parse('2026-11-29T20:00:00Z');
    const otherInstance = { scheme: 'visio', meetingHosts: ['visio.example.gouv.fr'] };
    expect(await readCalendarFeed({ feedUrl, profile, calendarSecret: feedSecret, linkConfig: otherInstance, fetch: nodeFetch, now })).toEqual({
      ok: true,
      meetings: [],
    });
  });
});
