import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/error-message';
import { displayNameOf, useSession, useSessionActions } from './session';

export function AccountBar() {
  const { t } = useTranslation();
  const { status, user, error: sessionError } = useSession();
  const { login, logout, error: actionError } = useSessionActions();
  const error = actionError ?? sessionError;

  return (
    <div className="account">
      {status === 'checking' ? (
        <span className="muted">{t('auth.checking')}</span>
      ) : status === 'authenticated' ? (
        <>
          <span>{t('auth.loggedInAs', { name: displayNameOf(user) })}</span>
          <button type="button" className="button" onClick={logout}>
            {t('auth.logout')}
          </button>
        </>
      ) : (
        <button type="button" className="button button--primary" onClick={login}>
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
