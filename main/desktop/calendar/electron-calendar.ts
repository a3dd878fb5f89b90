// Reads the agenda feed every quarter of an hour through the app session (its proxy, its
// certificate trust, its request filter), and hands the meetings to the reminder scheduler.
import { powerMonitor, type Session } from 'electron';
import type { Profile } from '../../../common/profile';
import type { DeepLinkConfig } from '../deep-links/deep-link-parser';
import { parseCalendarFeed, type CalendarMeeting } from './calendar-feed';
import { calendarRequest, looksLikeCalendar, maximumFeedBytes } from './calendar-source';
import { ReminderScheduler } from './reminder-scheduler';

const refreshMilliseconds = 15 * 60 * 1000;
const lookAheadMilliseconds = 2 * 24 * 60 * 60 * 1000;

export interface CalendarAdapterOptions {
  session: Session;
  profile: Profile;
  feedUrl: string;
  linkConfig: DeepLinkConfig;
  calendarSecret(): Promise<string | null>;
  onReminder(meeting: CalendarMeeting): void;
  onMeetingsChanged(todaysMeetings: CalendarMeeting[]): void;
}

export function installCalendar(options: CalendarAdapterOptions): () => void {
  const scheduler = new ReminderScheduler(
    { now: () => Date.now(), setTimer: (callback, milliseconds) => setTimeout(callback, milliseconds), clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>) },
    options.onReminder,
  );

  const refresh = async () => {
    const request = calendarRequest(options.feedUrl, options.profile, await options.calendarSecret());
    if (!request.ok) return;
    try {
      const response = await options.session.fetch(request.url, { headers: request.headers, redirect: 'error' });
      if (!response.ok || Number(response.headers.get('content-length') ?? 0) > maximumFeedBytes) return;
      const body = await response.text();
      if (body.length > maximumFeedBytes || !looksLikeCalendar(body)) return;
      const now = Date.now();
      const parsed = parseCalendarFeed(body, options.linkConfig, {
        from: new Date(now - 24 * 60 * 60 * 1000),
        to: new Date(now + lookAheadMilliseconds),
      });
      if (!parsed.ok) return;
      scheduler.setMeetings(parsed.meetings);
      options.onMeetingsChanged(scheduler.meetingsOfDay());
    } catch {
      // Offline or refused: the meetings already known stay scheduled.
    }
  };

  const onResume = () => {
    scheduler.evaluate();
    void refresh();
  };
  void refresh();
  const timer = setInterval(() => void refresh(), refreshMilliseconds);
  powerMonitor.on('resume', onResume);
  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', onResume);
    scheduler.dispose();
  };
}
