import { describe, expect, it } from 'vitest';
import { pausedKeys, planVideoReception, type PriorityInput, type RemoteVideo } from './video-priority';

const camera = (identity: string): RemoteVideo => ({ key: `${identity}:camera`, identity, isScreenShare: false });
const screen = (identity: string): RemoteVideo => ({ key: `${identity}:screen_share`, identity, isScreenShare: true });

function plan(overrides: Partial<PriorityInput>) {
  return planVideoReception({ videos: [], activeSpeakers: [], lastSpeaker: null, pinnedKey: null, broughtBack: new Set(), ...overrides });
}

describe('planVideoReception', () => {
  it('receives the active speaker and pauses every other camera', () => {
    const result = plan({ videos: [camera('ana'), camera('bob'), camera('carl')], activeSpeakers: ['bob'] });
    expect(result.get('bob:camera')).toEqual({ enabled: true, quality: 'medium' });
    expect(result.get('ana:camera')).toEqual({ enabled: false });
    expect(result.get('carl:camera')).toEqual({ enabled: false });
    expect(pausedKeys(result)).toEqual(new Set(['ana:camera', 'carl:camera']));
  });

  it('keeps the loudest of several speakers only', () => {
    const result = plan({ videos: [camera('ana'), camera('bob')], activeSpeakers: ['ana', 'bob'] });
    expect(result.get('ana:camera')?.enabled).toBe(true);
    expect(result.get('bob:camera')?.enabled).toBe(false);
  });

  it('keeps the last speaker through a silence, and follows a new speaker', () => {
    const silent = plan({ videos: [camera('ana'), camera('bob')], activeSpeakers: [], lastSpeaker: 'ana' });
    expect(silent.get('ana:camera')?.enabled).toBe(true);
    const next = plan({ videos: [camera('ana'), camera('bob')], activeSpeakers: ['bob'], lastSpeaker: 'ana' });
    expect(next.get('bob:camera')?.enabled).toBe(true);
    expect(next.get('ana:camera')?.enabled).toBe(false);
  });

  it('keeps the first camera while nobody is known to speak', () => {
    expect(pausedKeys(plan({ videos: [screen('carl'), camera('ana'), camera('bob')] }))).toEqual(new Set(['bob:camera']));
  });

  it('receives every screen share first, and the speaker at the lowest layer beside it', () => {
    const result = plan({ videos: [camera('ana'), screen('ana'), camera('bob'), screen('carl')], activeSpeakers: ['bob'] });
    expect(result.get('ana:screen_share')).toEqual({ enabled: true, quality: 'medium' });
    expect(result.get('carl:screen_share')).toEqual({ enabled: true, quality: 'medium' });
    expect(result.get('bob:camera')).toEqual({ enabled: true, quality: 'low' });
    expect(result.get('ana:camera')).toEqual({ enabled: false });
  });

  it('receives the pinned tile like the speaker', () => {
    const result = plan({ videos: [camera('ana'), camera('bob')], activeSpeakers: ['bob'], pinnedKey: 'ana:camera' });
    expect(result.get('ana:camera')).toEqual({ enabled: true, quality: 'medium' });
    expect(result.get('bob:camera')).toEqual({ enabled: true, quality: 'medium' });
  });

  it('keeps the tiles brought back at the lowest layer, even when their owner is silent', () => {
    const result = plan({ videos: [camera('ana'), camera('bob'), camera('carl')], activeSpeakers: ['bob'], broughtBack: new Set(['carl:camera']) });
    expect(result.get('carl:camera')).toEqual({ enabled: true, quality: 'low' });
    expect(result.get('ana:camera')).toEqual({ enabled: false });
  });

  it('ignores a brought-back or pinned key that matches no video', () => {
    const result = plan({ videos: [camera('ana')], pinnedKey: 'gone:camera', broughtBack: new Set(['gone:camera']) });
    expect([...result.keys()]).toEqual(['ana:camera']);
  });
});
