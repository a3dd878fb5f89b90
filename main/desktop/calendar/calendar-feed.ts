// The user's agenda (an ICS feed) read with ical.js, which applies recurrence rules, exceptions
// and the feed's own VTIMEZONE definitions. Only events that carry a link to a meeting of a
// configured instance are kept; the link is checked by the same parser as deep links.
import ICAL from 'ical.js';
import { parseDeepLink, type DeepLinkConfig } from '../deep-links/deep-link-parser';

export interface CalendarMeeting {
  /** UID and start instant: one id per occurrence of a recurring event. */
  occurrenceId: string;
  title: string;
  slug: string;
  startsAt: Date;
}

export interface CalendarWindow {
  from: Date;
  to: Date;
}

export type CalendarFeedResult = { ok: true; meetings: CalendarMeeting[] } | { ok: false; reason: 'unreadable' };

/** A feed could hold years of a daily meeting: expansion stops here. */
const maximumOccurrencesPerEvent = 2000;
const linkPattern = /\b[a-z][a-z0-9+.-]{1,30}:\/\/[^\s<>"'()]+/gi;

/** The first meeting link of a configured instance in a piece of text. */
export function meetingSlugIn(text: string, config: DeepLinkConfig): string | null {
  for (const match of text.matchAll(linkPattern)) {
    // Sentence punctuation glued to the end of a link in a description.
    const candidate = match[0].replace(/[.,;:!?]+$/, '');
    const parsed = parseDeepLink(candidate, config);
    if (parsed.kind === 'join') return parsed.slug;
  }
  return null;
}

function textOf(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : '';
}

function slugOfEvent(component: ICAL.Component, config: DeepLinkConfig): string | null {
  for (const name of ['url', 'location', 'description', 'x-alt-desc']) {
    const slug = meetingSlugIn(textOf(component, name), config);
    if (slug) return slug;
  }
  return null;
}

function isCancelled(component: ICAL.Component): boolean {
  return textOf(component, 'status').toUpperCase() === 'CANCELLED';
}

export function parseCalendarFeed(ics: string, config: DeepLinkConfig, window: CalendarWindow): CalendarFeedResult {
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(ics));
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  try {
    for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);

    const vevents = calendar.getAllSubcomponents('vevent');
    const exceptionsByUid = new Map<string, ICAL.Component[]>();
    const masters: ICAL.Component[] = [];
    for (const vevent of vevents) {
      if (vevent.hasProperty('recurrence-id')) {
        const uid = textOf(vevent, 'uid');
        exceptionsByUid.set(uid, [...(exceptionsByUid.get(uid) ?? []), vevent]);
      } else {
        masters.push(vevent);
      }
    }

    const from = window.from.getTime();
    const to = window.to.getTime();
    const meetings: CalendarMeeting[] = [];
    for (const master of masters) {
      if (isCancelled(master)) continue;
      const event = new ICAL.Event(master);
      for (const exception of exceptionsByUid.get(event.uid) ?? []) event.relateException(exception);

      const occurrences: Array<{ start: ICAL.Time; item: ICAL.Event }> = [];
      if (event.isRecurring()) {
        const iterator = event.iterator();
        for (let count = 0; count < maximumOccurrencesPerEvent; count += 1) {
          const next = iterator.next();
          if (!next) break;
          const details = event.getOccurrenceDetails(next);
          if (details.startDate.toJSDate().getTime() > to && next.toJSDate().getTime() > to) break;
          occurrences.push({ start: details.startDate, item: details.item });
        }
      } else {
        occurrences.push({ start: event.startDate, item: event });
      }

      for (const occurrence of occurrences) {
        const startsAt = occurrence.start.toJSDate();
        if (startsAt.getTime() < from || startsAt.getTime() > to) continue;
        if (isCancelled(occurrence.item.component)) continue;
        // A moved occurrence may name another room; without a link of its own it keeps the series' one.
        const slug = slugOfEvent(occurrence.item.component, config) ?? (occurrence.item === event ? null : slugOfEvent(master, config));
        if (!slug) continue;
        meetings.push({
          occurrenceId: `${event.uid}@${startsAt.toISOString()}`,
          title: occurrence.item.summary || event.summary || '',
          slug,
          startsAt,
        });
      }
    }
    return { ok: true, meetings: meetings.sort((first, second) => first.startsAt.getTime() - second.startsAt.getTime()) };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}
