import { describe, expect, it } from 'vitest';
import { languages } from '../../../common/languages';
import { compareTranslation } from '../../../common/translation-check';
import { addInstanceErrorText, managedSettingsMessages, managedSettingsTables, profileSelectErrorText } from './managed-settings-messages';

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

  it('explains a refused choice of instance, and that a choice applies at the next start', () => {
    expect(profileSelectErrorText({ code: 'locked_by_policy', detail: 'profileId' }, 'fr')).toMatch(/administrateur impose/);
    expect(profileSelectErrorText({ code: 'invalid_input' }, 'en')).toMatch(/no longer in the list/);
    expect(profileSelectErrorText({ code: 'unavailable' }, 'fr')).toBe('L’instance n’a pas pu être choisie. Réessayez.');
    expect(managedSettingsMessages('fr').nextStart).toBe('Le changement prendra effet au prochain démarrage de Visio.');
    expect(managedSettingsMessages('en-GB').profileChosen.replace('{name}', 'Visio')).toBe(
      'Instance “Visio” chosen. The change will take effect the next time Visio starts.',
    );
  });

  it('has the same messages, with the same {name}, in every language', () => {
    for (const language of languages) {
      const report = compareTranslation(managedSettingsTables.fr, managedSettingsTables[language], language);
      expect({ language, ...report }).toEqual({ language, missing: [], extra: [], pluralForms: [], variables: [], empty: [] });
    }
    expect(managedSettingsMessages('fr').lockedByPolicy).toBe('Réglage imposé par votre administrateur');
    expect(managedSettingsMessages('de-AT').lockedByPolicy).toBe('Von Ihrer Administration vorgegebene Einstellung');
    expect(addInstanceErrorText({ code: 'network', reason: 'unreachable' }, 'nl')).toMatch(/niet bereikbaar/);
    expect(managedSettingsMessages('es').nextStart).toBe(managedSettingsMessages('fr').nextStart);
  });
});
