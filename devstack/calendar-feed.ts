// An agenda server's ICS feed, for the desktop's meeting reminders: the agent's weekly meeting,
// held in New York time, whose description links to a room of this instance. Behind HTTP Basic,
// as ministry agenda servers are, so the calendar credentials kept in the keychain are exercised.
// Only the devstack serves it: a real Meet instance has no agenda.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Profile } from '../common/profile';

export const CALENDAR_FEED_PATH = '/calendar/agent.ics';
export const CALENDAR_FEED_USER = 'agent@visio.test';
export const CALENDAR_FEED_PASSWORD = 'agenda-visio-test';

/** A desktop profile for the devstack whose meeting links the agenda's events carry. */
export function calendarProfileFor(devstack: { origin: string; apiBaseUrl: string }): Profile {
  return {
    id: 'devstack',
    displayName: 'Visio (devstack)',
    apiBaseUrl: devstack.apiBaseUrl,
    meetingHosts: [new URL(devstack.origin).host],
    allowedHosts: [],
    scheme: 'visio',
    defaultLanguage: 'fr',
  };
}

/** The weekly meeting: Mondays 09:00 in New York from 19 October 2026, with no end. */
export const CALENDAR_MEETING = {
  uid: 'point-transatlantique@agenda.visio.test',
  title: 'Point transatlantique',
  slug: 'pnt-hebd-nyc',
  timeZone: 'America/New_York',
  firstStart: '20261019T090000',
  firstEnd: '20261019T100000',
} as const;

// US rules since 2007: daylight time from the second Sunday of March to the first of November.
const newYorkTimeZone = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:20070311T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:20071104T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** The feed, its meeting link pointing at `origin` (the instance serving it). */
export function calendarFeedIcs(origin: string): string {
  const meeting = CALENDAR_MEETING;
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Visio devstack//Agenda//FR',
    'CALSCALE:GREGORIAN',
    ...newYorkTimeZone,
    'BEGIN:VEVENT',
    `UID:${meeting.uid}`,
    'DTSTAMP:20261001T000000Z',
    `SUMMARY:${meeting.title}`,
    `DTSTART;TZID=${meeting.timeZone}:${meeting.firstStart}`,
    `DTEND;TZID=${meeting.timeZone}:${meeting.firstEnd}`,
    'RRULE:FREQ=WEEKLY;BYDAY=MO',
    `DESCRIPTION:Rejoindre la réunion : ${origin}/${meeting.slug}\\nOrdre du jour en pièce jointe.`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

function sameSecret(given: string, expected: string): boolean {
  const left = Buffer.from(given, 'utf8');
  const right = Buffer.from(expected, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}

function hasFeedCredentials(request: IncomingMessage): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(request.headers.authorization ?? '');
  if (!match?.[1]) return false;
  return sameSecret(Buffer.from(match[1], 'base64').toString('utf8'), `${CALENDAR_FEED_USER}:${CALENDAR_FEED_PASSWORD}`);
}

/** Answers the feed's path (true); any other path is left to the caller (false). */
export function serveCalendarFeed(request: IncomingMessage, response: ServerResponse, origin: string): boolean {
  if (new URL(request.url ?? '/', origin).pathname !== CALENDAR_FEED_PATH) return false;
  const method = (request.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' });
    response.end();
  } else if (!hasFeedCredentials(request)) {
    response.writeHead(401, { 'www-authenticate': 'Basic realm="Agenda", charset="UTF-8"', 'cache-control': 'no-store' });
    response.end();
  } else {
    const body = Buffer.from(calendarFeedIcs(origin), 'utf8');
    response.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-length': String(body.length),
      'cache-control': 'no-store',
    });
    response.end(method === 'HEAD' ? undefined : body);
  }
  return true;
}
