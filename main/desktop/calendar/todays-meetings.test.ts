import { describe, expect, it } from 'vitest';
import { todaysMeetingsAnswer } from './todays-meetings';

const meeting = { occurrenceId: 'uid@2026-11-30T14:00:00.000Z', title: 'Point transatlantique', slug: 'pnt-hebd-nyc', startsAt: new Date('2026-11-30T14:00:00Z') };

describe('today’s meetings for the home page', () => {
  it('says there is no agenda when none is configured, whatever was read', () => {
    expect(todaysMeetingsAnswer(false, [meeting])).toEqual({ state: 'disabled' });
  });

  it('says the agenda is not read yet before its first reading', () => {
    expect(todaysMeetingsAnswer(true, null)).toEqual({ state: 'pending' });
  });

  it('gives the day’s meetings with their start as an ISO instant', () => {
    expect(todaysMeetingsAnswer(true, [meeting])).toEqual({
      state: 'read',
      meetings: [{ occurrenceId: meeting.occurrenceId, title: 'Point transatlantique', slug: 'pnt-hebd-nyc', startsAt: '2026-11-30T14:00:00.000Z' }],
    });
    expect(todaysMeetingsAnswer(true, [])).toEqual({ state: 'read', meetings: [] });
  });
});
