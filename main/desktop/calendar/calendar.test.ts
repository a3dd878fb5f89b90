import { describe, expect, it } from 'vitest';
import type { Profile } from '../../../common/profile';
import { NotificationRouter, type NotificationSpec } from '../notifications/notification-router';
import { parseCalendarFeed, type CalendarMeeting } from './calendar-feed';
import { calendarRequest, looksLikeCalendar } from './calendar-source';
import { ReminderScheduler } from './reminder-scheduler';
import { FakeClock } from './test-fixtures/fake-clock';

const config = { scheme: 'visio', meetingHosts: ['visio.example.gouv.fr'] };

// A weekly Monday 09:00 meeting in New York, across the end of US daylight saving time
// (1 November 2026): 13:00 UTC before, 14:00 UTC after. One occurrence moved, one cancelled.
const feed = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Ministere//Agenda//FR',
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'UID:weekly-ny@ministere',
  'DTSTAMP:20261001T000000Z',
  'SUMMARY:Point transatlantique',
  'DTSTART;TZID=America/New_York:20261019T090000',
  'DTEND;TZID=America/New_York:20261019T100000',
  'RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=10',
  'EXDATE;TZID=America/New_York:20261116T090000',
  'DESCRIPTION:Rejoindre : https://visio.example.gouv.fr/abc-defg-hij.\\nOrdre du jour en pièce jointe.',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly-ny@ministere',
  'DTSTAMP:20261001T000000Z',
  'RECURRENCE-ID;TZID=America/New_York:20261109T090000',
  'SUMMARY:Point transatlantique (décalé)',
  'DTSTART;TZID=America/New_York:20261109T113000',
  'DTEND;TZID=America/New_York:20261109T123000',
  'LOCATION:visio://join/xyz-wxyz-xyz',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:lunch@ministere',
  'DTSTAMP:20261001T000000Z',
  'SUMMARY:Déjeuner',
  'DTSTART:20261102T113000Z',
  'DTEND:20261102T123000Z',
  'LOCATION:Cantine',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:phishing@ailleurs',
  'DTSTAMP:20261001T000000Z',
  'SUMMARY:Réunion piégée',
  'DTSTART:20261102T150000Z',
  'DTEND:20261102T160000Z',
  'DESCRIPTION:https://visio.example.gouv.fr.evil.example/abc-defg-hij',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

const window = { from: new Date('2026-10-25T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') };

describe('calendar feed', () => {
  it('expands the recurring meeting in its own time zone, across daylight saving time', () => {
    const result = parseCalendarFeed(feed, config, window);
    if (!result.ok) throw new Error('feed unreadable');
    const weekly = result.meetings.filter((meeting) => meeting.occurrenceId.startsWith('weekly-ny'));
    expect(weekly.map((meeting) => [meeting.startsAt.toISOString(), meeting.slug])).toEqual([
      ['2026-10-26T13:00:00.000Z', 'abc-defg-hij'],
      ['2026-11-02T14:00:00.000Z', 'abc-defg-hij'],
      ['2026-11-09T16:30:00.000Z', 'xyz-wxyz-xyz'],
      ['2026-11-23T14:00:00.000Z', 'abc-defg-hij'],
    ]);
    expect(weekly[2]!.title).toBe('Point transatlantique (décalé)');
  });

  it('keeps only events with a link of a configured instance', () => {
    const result = parseCalendarFeed(feed, config, window);
    if (!result.ok) throw new Error('feed unreadable');
    expect(result.meetings.some((meeting) => meeting.title === 'Déjeuner')).toBe(false);
    expect(result.meetings.some((meeting) => meeting.title === 'Réunion piégée')).toBe(false);
  });

  it('reports an unreadable feed instead of throwing', () => {
    expect(parseCalendarFeed('<html>not a calendar</html>', config, window)).toEqual({ ok: false, reason: 'unreadable' });
  });
});

describe('reminders', () => {
  it('fires five minutes before the New York meeting, at the right minute, and Join lands on prejoin', () => {
    const result = parseCalendarFeed(feed, config, window);
    if (!result.ok) throw new Error('feed unreadable');
    const clock = new FakeClock(Date.parse('2026-10-30T12:00:00Z'));
    const fired: Array<{ at: string; meeting: CalendarMeeting }> = [];
    const shown: NotificationSpec[] = [];
    const sent: unknown[] = [];
    const router = new NotificationRouter({
      language: () => 'fr',
      supportsActions: true,
      windowVisible: () => false,
      windowFocused: () => false,
      showWindow: () => undefined,
      show: (notification) => shown.push(notification),
      send: (event, payload) => sent.push([event, payload]),
    });
    const scheduler = new ReminderScheduler(clock, (meeting) => {
      fired.push({ at: new Date(clock.now()).toISOString(), meeting });
      router.meetingStarting(meeting);
    });
    scheduler.setMeetings(result.meetings);

    clock.advanceTo(Date.parse('2026-11-02T13:54:59Z'));
    expect(fired).toEqual([]);
    clock.advanceTo(Date.parse('2026-11-02T13:56:00Z'));
    expect(fired).toHaveLength(1);
    expect(fired[0]!.at).toBe('2026-11-02T13:55:00.000Z');
    expect(fired[0]!.meeting.slug).toBe('abc-defg-hij');

    router.respond(shown[0]!.id, { type: 'action', index: 0 });
    expect(sent).toEqual([['event:join', { slug: 'abc-defg-hij' }]]);

    // Reading the feed again does not announce the same occurrence twice.
    scheduler.setMeetings(result.meetings);
    expect(fired).toHaveLength(1);
    clock.advanceTo(Date.parse('2026-11-09T16:26:00Z'));
    expect(fired.map((entry) => [entry.at, entry.meeting.slug])).toEqual([
      ['2026-11-02T13:55:00.000Z', 'abc-defg-hij'],
      ['2026-11-09T16:25:00.000Z', 'xyz-wxyz-xyz'],
    ]);
    scheduler.dispose();
  });

  it('announces at once a meeting already within the lead time, never one already started', () => {
    const startsAt = new Date('2026-11-02T14:00:00Z');
    const clock = new FakeClock(Date.parse('2026-11-02T13:58:00Z'));
    const fired: string[] = [];
    const scheduler = new ReminderScheduler(clock, (meeting) => fired.push(meeting.occurrenceId));
    scheduler.setMeetings([
      { occurrenceId: 'soon', title: 'A', slug: 'abc-defg-hij', startsAt },
      { occurrenceId: 'started', title: 'B', slug: 'abc-defg-hij', startsAt: new Date('2026-11-02T13:30:00Z') },
    ]);
    expect(fired).toEqual(['soon']);
  });
});

describe('calendar source', () => {
  const profile = {
    id: 'p',
    displayName: 'P',
    apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/',
    meetingHosts: ['visio.example.gouv.fr'],
    scheme: 'visio',
    allowedHosts: ['agenda.example.gouv.fr'],
    defaultLanguage: 'fr',
  } satisfies Profile;

  it('fetches over https from an allowed host only, with keychain credentials', () => {
    expect(calendarRequest('https://agenda.example.gouv.fr/ical/agent.ics', profile, 'agent:secret')).toEqual({
      ok: true,
      url: 'https://agenda.example.gouv.fr/ical/agent.ics',
      headers: { Accept: 'text/calendar', Authorization: `Basic ${Buffer.from('agent:secret').toString('base64')}` },
    });
    expect(calendarRequest('http://agenda.example.gouv.fr/ical/', profile, null)).toEqual({ ok: false, reason: 'insecure' });
    expect(calendarRequest('https://calendar.google.com/ical/', profile, null)).toEqual({ ok: false, reason: 'host_not_allowed' });
    expect(calendarRequest('https://agent:pw@agenda.example.gouv.fr/', profile, null)).toEqual({ ok: false, reason: 'credentials_in_url' });
    expect(calendarRequest('nonsense', profile, null)).toEqual({ ok: false, reason: 'malformed' });
    expect(looksLikeCalendar('\r\nBEGIN:VCALENDAR\r\n')).toBe(true);
    expect(looksLikeCalendar('<html>')).toBe(false);
  });
});
