// The agenda behind the reminders: each reading of the feed (credentials from the keychain, the
// answer checked for status, size and format, the coming days' meetings parsed) hands its
// meetings to the reminder scheduler and the tray. The network and the clock are ports: the app
// session's fetch and real timers in the app, Node's fetch and a fake clock in tests.
import type { Profile } from '../../../common/profile';
import type { DeepLinkConfig } from '../deep-links/deep-link-parser';
import { parseCalendarFeed, type CalendarMeeting } from './calendar-feed';
import { calendarRequest, looksLikeCalendar, maximumFeedBytes, type CalendarSourceRefusal } from './calendar-source';
import { ReminderScheduler, type ReminderClock } from './reminder-scheduler';

/** The part of `fetch` (Electron's `session.fetch` or Node's) a reading needs. */
export type CalendarFetch = (
  url: string,
  init: { headers: Record<string, string>; redirect: 'error' },
) => Promise<{ ok: boolean; status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export type CalendarReadFailure = CalendarSourceRefusal | 'unreachable' | 'refused' | 'too_large' | 'not_a_calendar' | 'unreadable';

export type CalendarReading = { ok: true; meetings: CalendarMeeting[] } | { ok: false; reason: CalendarReadFailure; status?: number };

/** From a day back (a meeting under way stays in the tray) to two days ahead. */
const lookBehindMilliseconds = 24 * 60 * 60 * 1000;
const lookAheadMilliseconds = 2 * 24 * 60 * 60 * 1000;

export interface CalendarReadOptions {
  feedUrl: string;
  profile: Profile;
  /** `user:password` from the keychain's `calendar` account, or null. */
  calendarSecret: string | null;
  linkConfig: DeepLinkConfig;
  fetch: CalendarFetch;
  now: number;
}

export async function readCalendarFeed(options: CalendarReadOptions): Promise<CalendarReading> {
  const request = calendarRequest(options.feedUrl, options.profile, options.calendarSecret);
  if (!request.ok) return { ok: false, reason: request.reason };
  let response: Awaited<ReturnType<CalendarFetch>>;
  try {
    response = await options.fetch(request.url, { headers: request.headers, redirect: 'error' });
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (!response.ok) return { ok: false, reason: 'refused', status: response.status };
  if (Number(response.headers.get('content-length') ?? 0) > maximumFeedBytes) return { ok: false, reason: 'too_large' };
  let body: string;
  try {
    body = await response.text();
  } catch {
    return { ok: false, reason: 'unreachable' };
  }
  if (body.length > maximumFeedBytes) return { ok: false, reason: 'too_large' };
  if (!looksLikeCalendar(body)) return { ok: false, reason: 'not_a_calendar' };
  const parsed = parseCalendarFeed(body, options.linkConfig, {
    from: new Date(options.now - lookBehindMilliseconds),
    to: new Date(options.now + lookAheadMilliseconds),
  });
  return parsed.ok ? { ok: true, meetings: parsed.meetings } : { ok: false, reason: 'unreadable' };
}

export interface CalendarAgendaOptions extends Omit<CalendarReadOptions, 'calendarSecret' | 'now'> {
  clock: ReminderClock;
  calendarSecret(): Promise<string | null>;
  onReminder(meeting: CalendarMeeting): void;
  onMeetingsChanged(todaysMeetings: CalendarMeeting[]): void;
}

export class CalendarAgenda {
  private readonly scheduler: ReminderScheduler;

  constructor(private readonly options: CalendarAgendaOptions) {
    this.scheduler = new ReminderScheduler(options.clock, options.onReminder);
  }

  /** Reads the feed again; a failed reading keeps the meetings already known scheduled. */
  async refresh(): Promise<CalendarReading> {
    const reading = await readCalendarFeed({
      ...this.options,
      calendarSecret: await this.options.calendarSecret(),
      now: this.options.clock.now(),
    });
    if (reading.ok) {
      this.scheduler.setMeetings(reading.meetings);
      this.options.onMeetingsChanged(this.scheduler.meetingsOfDay());
    }
    return reading;
  }

  /** The computer woke up: reminders due while it slept go at once, then the feed is read. */
  resume(): Promise<CalendarReading> {
    this.scheduler.evaluate();
    return this.refresh();
  }

  dispose(): void {
    this.scheduler.dispose();
  }
}
