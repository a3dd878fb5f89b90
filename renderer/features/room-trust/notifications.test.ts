import { describe, expect, it } from 'vitest';
import { NotificationType } from '../../../common/meet-types';
import { MAX_NOTIFICATION_BYTES } from './limits';
import { judgeNotification, NOTIFICATION_SENDERS } from './notifications';
import { SENDER_KINDS, type SenderKind } from './senders';

const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

/** A well-formed payload of each type, as Meet's clients and backend send it. */
const VALID: Record<string, unknown> = {
  participantWaiting: { type: 'participantWaiting' },
  participantMuted: { type: 'participantMuted' },
  lowerHand: { type: 'lowerHand' },
  permissionsRemoved: { type: 'permissionsRemoved', data: { removedSources: ['camera', 'screen_share'] } },
  reactionReceived: { type: 'reactionReceived', data: { emoji: 'party-popper' } },
  transcriptionRequested: { type: 'transcriptionRequested' },
  screenRecordingRequested: { type: 'screenRecordingRequested' },
  transcriptionLimitReached: { type: 'transcriptionLimitReached' },
  screenRecordingLimitReached: { type: 'screenRecordingLimitReached' },
  transcriptionStarted: { type: 'transcriptionStarted' },
  transcriptionStopped: { type: 'transcriptionStopped' },
  screenRecordingStarted: { type: 'screenRecordingStarted' },
  screenRecordingStopped: { type: 'screenRecordingStopped' },
};

/** A payload of the right type but the wrong shape, where the type carries data. */
const MALFORMED: Record<string, unknown> = {
  permissionsRemoved: { type: 'permissionsRemoved', data: { removedSources: ['camera', 'Reconnectez-vous sur https://visio-gouv.fr.evil.test'] } },
  reactionReceived: { type: 'reactionReceived', data: { emoji: '<img src=x onerror=alert(1)>' } },
};

const ADMIN_ONLY = ['participantWaiting', 'participantMuted', 'lowerHand', 'permissionsRemoved'];

describe('room notifications: type × sender × shape', () => {
  it('knows a sender rule for every notification type Meet defines', () => {
    expect(Object.keys(NOTIFICATION_SENDERS).sort()).toEqual(Object.values(NotificationType).sort());
    expect(Object.keys(VALID).sort()).toEqual(Object.values(NotificationType).sort());
  });

  for (const type of Object.values(NotificationType)) {
    for (const sender of SENDER_KINDS) {
      const allowed = NOTIFICATION_SENDERS[type]?.includes(sender) ?? false;

      it(`${type} from ${sender}: ${allowed ? 'accepted' : 'dropped'} when valid`, () => {
        const verdict = judgeNotification(encode(VALID[type]), sender);
        expect(verdict.accepted).toBe(allowed);
        if (!verdict.accepted) expect(verdict.reason).toBe('sender');
      });

      it(`${type} from ${sender}: dropped when oversized`, () => {
        const padding = 'x'.repeat(MAX_NOTIFICATION_BYTES);
        expect(judgeNotification(encode({ ...(VALID[type] as object), padding }), sender)).toEqual({ accepted: false, reason: 'size' });
      });

      it(`${type} from ${sender}: dropped when not JSON`, () => {
        expect(judgeNotification(encode(`{"type":"${type}"`), sender)).toEqual({ accepted: false, reason: 'malformed' });
      });

      if (MALFORMED[type]) {
        it(`${type} from ${sender}: dropped when its data is malformed`, () => {
          expect(judgeNotification(encode(MALFORMED[type]), sender).accepted).toBe(false);
        });
      }
    }
  }

  it('accepts admin-only messages only from the server and admins', () => {
    for (const type of ADMIN_ONLY) {
      const accepted = SENDER_KINDS.filter((sender) => judgeNotification(encode(VALID[type]), sender).accepted);
      expect(accepted).toEqual<SenderKind[]>(['server', 'admin']);
    }
  });

  it('reduces removed permissions to known source names, never the sender text', () => {
    const verdict = judgeNotification(encode(VALID.permissionsRemoved), 'admin');
    expect(verdict).toEqual({ accepted: true, value: { type: 'permissionsRemoved', removedSources: ['camera', 'screen_share'] } });
    expect(judgeNotification(encode({ type: 'permissionsRemoved', data: { removedSources: [] } }), 'server').accepted).toBe(false);
    expect(judgeNotification(encode({ type: 'permissionsRemoved', data: { removedSources: 'camera' } }), 'server').accepted).toBe(false);
    expect(judgeNotification(encode({ type: 'permissionsRemoved', data: { removedSources: ['camera', 3] } }), 'server').accepted).toBe(false);
  });

  it('drops unknown types, prototype names and identity fields it does not need', () => {
    for (const type of ['hackTheRoom', '__proto__', 'constructor', 'toString']) {
      expect(judgeNotification(encode({ type }), 'admin')).toEqual({ accepted: false, reason: 'unknown-type' });
    }
    expect(judgeNotification(encode({ type: 'lowerHand', from: 'server', room_role: 'owner' }), 'member')).toEqual({ accepted: false, reason: 'sender' });
    expect(judgeNotification(encode({ type: 'reactionReceived', data: { emoji: 'thumbs-up', senderName: 'La Ministre' } }), 'member')).toEqual({
      accepted: true,
      value: { type: 'reactionReceived', emoji: 'thumbs-up' },
    });
  });

  it('drops what is not an envelope', () => {
    for (const payload of ['null', '42', '[]', '"lowerHand"', '{"type":7}', '{}', '\u00ff\u00fe']) {
      expect(judgeNotification(encode(payload), 'server').accepted).toBe(false);
    }
    expect(judgeNotification(new Uint8Array([0xff, 0xfe, 0x00]), 'server')).toEqual({ accepted: false, reason: 'malformed' });
  });
});
