// What the home page is told about today's agenda: nothing when this computer reads no agenda,
// "not read yet" until the first reading succeeds, then the day's meetings with a meeting link.
import type { TodaysMeetings } from '../../../common/ipc-contract';
import type { CalendarMeeting } from './calendar-feed';

/** `meetingsOfDay`: null until the agenda has been read once. */
export function todaysMeetingsAnswer(agendaConfigured: boolean, meetingsOfDay: readonly CalendarMeeting[] | null): TodaysMeetings {
  if (!agendaConfigured) return { state: 'disabled' };
  if (meetingsOfDay === null) return { state: 'pending' };
  return {
    state: 'read',
    meetings: meetingsOfDay.map((meeting) => ({
      occurrenceId: meeting.occurrenceId,
      title: meeting.title,
      slug: meeting.slug,
      startsAt: meeting.startsAt.toISOString(),
    })),
  };
}
