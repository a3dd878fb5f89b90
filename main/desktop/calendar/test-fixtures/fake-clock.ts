// A clock for reminder tests: time moves only when the test says, and each timer fires at its
// own instant on the way.
import type { ReminderClock } from '../reminder-scheduler';

export class FakeClock implements ReminderClock {
  private timers: Array<{ id: number; at: number; callback: () => void }> = [];
  private nextId = 1;

  constructor(private current: number) {}

  now() {
    return this.current;
  }

  setTimer(callback: () => void, milliseconds: number) {
    const id = this.nextId++;
    this.timers.push({ id, at: this.current + milliseconds, callback });
    return id;
  }

  clearTimer(timer: unknown) {
    this.timers = this.timers.filter((entry) => entry.id !== timer);
  }

  /** Moves time forward, firing each timer at its own instant. */
  advanceTo(target: number) {
    for (;;) {
      const due = this.timers.filter((entry) => entry.at <= target).sort((first, second) => first.at - second.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((entry) => entry !== due);
      this.current = due.at;
      due.callback();
    }
    this.current = target;
  }
}
