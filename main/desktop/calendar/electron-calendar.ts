// Reads the agenda feed every quarter of an hour through the app session (its proxy, its
// certificate trust, its request filter), and again when the computer wakes up.
import { powerMonitor, type Session } from 'electron';
import type { Profile } from '../../../common/profile';
import type { DeepLinkConfig } from '../deep-links/deep-link-parser';
import type { CalendarMeeting } from './calendar-feed';
import { CalendarAgenda } from './calendar-agenda';

const refreshMilliseconds = 15 * 60 * 1000;

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
  const agenda = new CalendarAgenda({
    feedUrl: options.feedUrl,
    profile: options.profile,
    linkConfig: options.linkConfig,
    fetch: (url, init) => options.session.fetch(url, init),
    clock: {
      now: () => Date.now(),
      setTimer: (callback, milliseconds) => setTimeout(callback, milliseconds),
      clearTimer: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
    },
    calendarSecret: options.calendarSecret,
    onReminder: options.onReminder,
    onMeetingsChanged: options.onMeetingsChanged,
  });

  // Offline or refused: the meetings already known stay scheduled.
  const onResume = () => void agenda.resume();
  void agenda.refresh();
  const timer = setInterval(() => void agenda.refresh(), refreshMilliseconds);
  powerMonitor.on('resume', onResume);
  return () => {
    clearInterval(timer);
    powerMonitor.off('resume', onResume);
    agenda.dispose();
  };
}
