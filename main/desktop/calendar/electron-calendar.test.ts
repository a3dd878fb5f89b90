// The calendar's Electron wiring, against a stand-in for Electron's session and power monitor and
// on fake timers: the feed read through the app session, reminders raised on time, the feed read
// again every quarter of an hour and on wake-up, and everything stopped on dispose.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { profileSchema } from '../../../common/profile';
import { asElectron, powerMonitor, resetFakeElectron, session, type FakeSession } from '../../testing/fake-electron';
import { installCalendar } from './electron-calendar';

vi.mock('electron', async () => (await import('../../testing/fake-electron')).fakeElectron);

const profile = profileSchema.parse({
  id: 'exemple',
  displayName: 'Exemple',
  apiBaseUrl: 'https://visio.example.gouv.fr/api/v1.0/',
  meetingHosts: ['visio.example.gouv.fr'],
  allowedHosts: ['agenda.example.gouv.fr'],
});
const feedUrl = 'https://agenda.example.gouv.fr/agent.ics';
const linkConfig = { scheme: 'visio', meetingHosts: ['visio.example.gouv.fr'] };

const start = new Date('2026-11-02T09:00:00Z');
const minutes = (count: number) => count * 60_000;

function event(uid: string, startsAt: string, summary: string, slug: string): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    'DTSTAMP:20261001T000000Z',
    `SUMMARY:${summary}`,
    `DTSTART:${startsAt}`,
    'DURATION:PT30M',
    `LOCATION:https://visio.example.gouv.fr/${slug}`,
    'END:VEVENT',
  ];
}

function feed(...events: string[][]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Ministere//Agenda//FR', ...events.flat(), 'END:VCALENDAR'].join('\r\n');
}

const standUp = event('stand-up@ministere', '20261102T092000Z', 'Point d’équipe', 'abc-defg-hij');
const tomorrow = event('tomorrow@ministere', '20261103T093000Z', 'Comité', 'klm-nopq-rst');
const lateAddition = event('late@ministere', '20261102T110000Z', 'Réunion ajoutée', 'uvw-xyza-bcd');

let appSession: FakeSession;
let body: string;
let dispose: (() => void) | null = null;

function install() {
  const options = {
    onReminder: vi.fn(),
    onMeetingsChanged: vi.fn(),
    calendarSecret: vi.fn(async () => 'agent:s3cret'),
  };
  dispose = installCalendar({ session: asElectron.session(appSession), profile, feedUrl, linkConfig, ...options });
  return options;
}

/** Lets a reading of the feed (keychain, fetch, body) finish. */
const settle = () => vi.advanceTimersByTimeAsync(0);

const titles = (meetings: unknown) => (meetings as Array<{ title: string }>).map((meeting) => meeting.title);

beforeEach(() => {
  resetFakeElectron();
  vi.useFakeTimers({ now: start });
  appSession = session.fromPartition('persist:app');
  body = feed(standUp, tomorrow);
  appSession.fetch.mockImplementation(async () => new Response(body, { status: 200, headers: { 'Content-Type': 'text/calendar' } }));
});

afterEach(() => {
  dispose?.();
  dispose = null;
  vi.useRealTimers();
});

describe('Electron calendar', () => {
  it('reads the feed at once through the app session, with the keychain’s credentials and no redirect', async () => {
    const { onMeetingsChanged, calendarSecret } = install();
    await settle();
    expect(calendarSecret).toHaveBeenCalledTimes(1);
    expect(appSession.fetch).toHaveBeenCalledTimes(1);
    expect(session.defaultSession.fetch).not.toHaveBeenCalled();
    const [url, init] = appSession.fetch.mock.calls[0] ?? [];
    expect(url).toBe(feedUrl);
    expect(init).toEqual({
      headers: { Accept: 'text/calendar', Authorization: `Basic ${Buffer.from('agent:s3cret').toString('base64')}` },
      redirect: 'error',
    });
    // Today's meetings for the tray; tomorrow's is known but not listed.
    expect(onMeetingsChanged).toHaveBeenCalledTimes(1);
    expect(titles(onMeetingsChanged.mock.calls[0]?.[0])).toEqual(['Point d’équipe']);
  });

  it('raises the reminder five minutes before the meeting, once', async () => {
    const { onReminder } = install();
    await settle();
    await vi.advanceTimersByTimeAsync(minutes(15) - 1);
    expect(onReminder).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(onReminder).toHaveBeenCalledTimes(1);
    expect(onReminder.mock.calls[0]?.[0]).toMatchObject({ title: 'Point d’équipe', slug: 'abc-defg-hij', startsAt: new Date('2026-11-02T09:20:00Z') });
    // The next readings of the feed do not announce it again.
    await vi.advanceTimersByTimeAsync(minutes(45));
    expect(onReminder).toHaveBeenCalledTimes(1);
  });

  it('reads the feed again every quarter of an hour', async () => {
    const { onMeetingsChanged } = install();
    await settle();
    body = feed(standUp, lateAddition);
    await vi.advanceTimersByTimeAsync(minutes(15) - 1);
    expect(appSession.fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(appSession.fetch).toHaveBeenCalledTimes(2);
    expect(titles(onMeetingsChanged.mock.lastCall?.[0])).toEqual(['Point d’équipe', 'Réunion ajoutée']);
    await vi.advanceTimersByTimeAsync(minutes(30));
    expect(appSession.fetch).toHaveBeenCalledTimes(4);
  });

  it('on wake-up, raises at once the reminders due during sleep, then reads the feed', async () => {
    const { onReminder } = install();
    await settle();
    // Asleep from 09:01 to 09:17: no timer ran meanwhile.
    vi.setSystemTime(new Date('2026-11-02T09:17:00Z'));
    powerMonitor.emit('resume');
    expect(onReminder).toHaveBeenCalledTimes(1);
    await settle();
    expect(appSession.fetch).toHaveBeenCalledTimes(2);
  });

  it('keeps the meetings already known when a reading fails', async () => {
    const { onReminder, onMeetingsChanged } = install();
    await settle();
    appSession.fetch.mockRejectedValue(new TypeError('net::ERR_INTERNET_DISCONNECTED'));
    await vi.advanceTimersByTimeAsync(minutes(15));
    expect(appSession.fetch).toHaveBeenCalledTimes(2);
    expect(onMeetingsChanged).toHaveBeenCalledTimes(1);
    expect(onReminder).toHaveBeenCalledTimes(1);
  });

  it('stops reading, reminding and listening once disposed', async () => {
    const { onReminder } = install();
    await settle();
    expect(powerMonitor.listenerCount('resume')).toBe(1);
    dispose?.();
    dispose = null;
    expect(powerMonitor.listenerCount('resume')).toBe(0);
    await vi.advanceTimersByTimeAsync(minutes(60));
    expect(appSession.fetch).toHaveBeenCalledTimes(1);
    expect(onReminder).not.toHaveBeenCalled();
  });
});
