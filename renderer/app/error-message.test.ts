import { describe, expect, it } from 'vitest';
import en from '../../common/locales/en/renderer.json' with { type: 'json' };
import fr from '../../common/locales/fr/renderer.json' with { type: 'json' };
import { createI18n } from '../../common/i18n';
import type { Language } from '../../common/languages';
import { serverError } from '../../common/server-errors';
import { translations } from '../i18n/i18n';
import { errorMessage } from './error-message';

async function translator(language: Language) {
  return createI18n('renderer', translations, language).t;
}

describe('errorMessage', () => {
  it('says a known server reason in the user’s language', async () => {
    const t = await translator('fr');
    expect(errorMessage(t, serverError(404, { error: 'This participant has no user account and cannot be assigned a role.' }))).toBe(
      fr.errors.reasons.participant_without_account,
    );
  });

  it('adds the server’s own sentence to the general message when no translation fits', async () => {
    const t = await translator('en');
    const message = errorMessage(t, serverError(400, { name: ['Ensure this field has no more than 255 characters.'] }));
    expect(message).toContain(en.errors.invalid_input);
    expect(message).toContain('name: Ensure this field has no more than 255 characters.');
  });

  it('tells a server that did not answer apart from an unreachable one', async () => {
    const t = await translator('fr');
    expect(errorMessage(t, { code: 'network', reason: 'timeout' })).toBe(fr.errors.reasons.timeout);
    expect(errorMessage(t, { code: 'network' })).toBe(fr.errors.network);
  });
});
