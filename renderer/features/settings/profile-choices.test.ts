import { describe, expect, it } from 'vitest';
import type { ProfileList, SettingsView } from '../../../common/ipc-contract';
import { browserSettingsView } from '../../platform/browser-settings';
import { hostOf, profileChoices } from './profile-choices';

const list: ProfileList = {
  profiles: [
    { id: 'devstack', displayName: 'Visio', apiBaseUrl: 'http://127.0.0.1:8071/api/v1.0/', origin: 'bundled' },
    { id: 'ministere', displayName: 'Visio', apiBaseUrl: 'https://visio.ministere.gouv.fr/api/v1.0/', origin: 'bundled' },
    { id: 'perso', displayName: 'Mon instance', apiBaseUrl: 'https://meet.example.org/api/v1.0/', origin: 'user' },
  ],
  activeProfileId: 'devstack',
  selectedProfileId: 'devstack',
  addInstanceAllowed: true,
};

function view(locked: string[], permittedProfileIds: string[] | null): SettingsView {
  return { ...browserSettingsView(undefined), locked, permittedProfileIds };
}

describe('profile choices', () => {
  it('lists every profile with its host, the one in use, and nothing disabled when no policy speaks', () => {
    const offered = profileChoices(list, view([], null));
    expect(offered.choices.map((choice) => [choice.id, choice.displayName, choice.host, choice.active, choice.disabled])).toEqual([
      ['devstack', 'Visio', '127.0.0.1:8071', true, false],
      ['ministere', 'Visio', 'visio.ministere.gouv.fr', false, false],
      ['perso', 'Mon instance', 'meet.example.org', false, false],
    ]);
    expect(offered).toMatchObject({ selectedId: 'devstack', locked: false, restartPending: false });
  });

  it('says a new choice waits for the next start', () => {
    expect(profileChoices({ ...list, selectedProfileId: 'perso' }, view([], null))).toMatchObject({ selectedId: 'perso', restartPending: true });
  });

  it('disables the profiles the policy does not permit, and all of them when it forces one', () => {
    const allowed = profileChoices(list, view([], ['ministere', 'perso']));
    expect(allowed.choices.filter((choice) => choice.disabled).map((choice) => choice.id)).toEqual(['devstack']);
    expect(allowed.locked).toBe(false);
    const forced = profileChoices(list, view(['profileId', 'telemetry'], ['ministere']));
    expect(forced.locked).toBe(true);
    expect(forced.choices.every((choice) => choice.disabled)).toBe(true);
  });

  it('keeps an address it cannot parse as it is', () => {
    expect(hostOf('not a url')).toBe('not a url');
  });
});
