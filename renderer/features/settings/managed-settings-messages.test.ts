import { describe, expect, it } from 'vitest';
import { addInstanceErrorText, managedSettingsMessages } from './managed-settings-messages';

describe('managed settings messages', () => {
  it('explains each refusal of an instance in French and English', () => {
    expect(addInstanceErrorText({ code: 'invalid_response', reason: 'not_meet' }, 'fr')).toBe(
      'Ce serveur ne semble pas être une instance Visio (LaSuite Meet).',
    );
    expect(addInstanceErrorText({ code: 'network', reason: 'unreachable' }, 'en')).toMatch(/cannot be reached/);
    expect(addInstanceErrorText({ code: 'locked_by_policy' }, 'fr')).toMatch(/administrateur/);
    expect(addInstanceErrorText({ code: 'unavailable' }, 'fr')).toMatch(/application de bureau/);
    expect(addInstanceErrorText({ code: 'server' }, 'en')).toBe('The instance could not be added. Try again later.');
  });

  it('has the same messages in both languages', () => {
    expect(Object.keys(managedSettingsMessages('en').errors).sort()).toEqual(Object.keys(managedSettingsMessages('fr').errors).sort());
    expect(managedSettingsMessages('fr').lockedByPolicy).toBe('Réglage imposé par votre administrateur');
  });
});
