import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/error-message';
import { displayNameOf, useSessionStore } from './session-store';

export function AccountBar() {
  const { t } = useTranslation();
  const { status, user, error, login, logout } = useSessionStore();

  return (
    <div className="account">
      {status === 'checking' || status === 'unknown' ? (
        <span className="muted">{t('auth.checking')}</span>
      ) : status === 'authenticated' ? (
        <>
          <span>{t('auth.loggedInAs', { name: displayNameOf(user) })}</span>
          <button type="button" className="button" onClick={() => void logout()}>
            {t('auth.logout')}
          </button>
        </>
      ) : (
        <button type="button" className="button button--primary" onClick={() => void login()}>
          {t('auth.login')}
        </button>
      )}
      {error && (
        <p className="field-error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
    </div>
  );
}
