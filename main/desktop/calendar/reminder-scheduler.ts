// Raises a reminder a few minutes before each meeting of the agenda, once per occurrence. One
// timer at a time, for the next reminder due, re-armed at most every hour so that a sleeping
// computer or a changed clock never delays a reminder by more than that.
import type { CalendarMeeting } from './calendar-feed';

export interface ReminderClock {
  now(): number;
  setTimer(callback: () => void, milliseconds: number): unknown;
  clearTimer(timer: unknown): void;
}

export const defaultLeadMinutes = 5;
const longestWaitMilliseconds = 60 * 60 * 1000;

export class ReminderScheduler {
  private meetings: CalendarMeeting[] = [];
  private readonly fired = new Set<string>();
  private timer: unknown = null;

  constructor(
    private readonly clock: ReminderClock,
    private readonly onReminder: (meeting: CalendarMeeting) => void,
    private readonly leadMinutes = defaultLeadMinutes,
  ) {}

  /** A new reading of the feed: replaces the known meetings, keeps what was already announced. */
  setMeetings(meetings: readonly CalendarMeeting[]): void {
    this.meetings = [...meetings].sort((first, second) => first.startsAt.getTime() - second.startsAt.getTime());
    this.evaluate();
  }

  /** The meetings of the local day of `now`, for the tray. */
  meetingsOfDay(): CalendarMeeting[] {
    const now = new Date(this.clock.now());
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
    const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime();
    return this.meetings.filter((meeting) => meeting.startsAt.getTime() >= start && meeting.startsAt.getTime() < end);
  }

  /** The computer woke up: time jumped, look again at once. */
  evaluate(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
    const now = this.clock.now();
    const lead = this.leadMinutes * 60_000;
    let nextDue: number | null = null;
    for (const meeting of this.meetings) {
      if (this.fired.has(meeting.occurrenceId)) continue;
      const start = meeting.startsAt.getTime();
      if (start <= now) continue;
      const due = start - lead;
      if (due <= now) {
        this.fired.add(meeting.occurrenceId);
        this.onReminder(meeting);
        continue;
      }
      if (nextDue === null || due < nextDue) nextDue = due;
    }
    if (nextDue !== null) {
      this.timer = this.clock.setTimer(() => {
        this.timer = null;
        this.evaluate();
      }, Math.min(nextDue - now, longestWaitMilliseconds));
    }
  }

  dispose(): void {
    if (this.timer !== null) this.clock.clearTimer(this.timer);
    this.timer = null;
  }
}
