// What a home card says while its answer comes, or when it could not come: the same words and the
// same retry button for every card.
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/error-message';
import { appErrorOf } from '../../platform/backend-queries';

export function CardStatus({ loading, loadingText, error, onRetry }: { loading: boolean; loadingText: string; error: Error | null; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      {loading && (
        <p className="muted" role="status">
          {loadingText}
        </p>
      )}
      {error && (
        <div className="notice notice--error" role="alert">
          <p>{errorMessage(t, appErrorOf(error))}</p>
          <button type="button" className="button" onClick={onRetry}>
            {t('errors.retry')}
          </button>
        </div>
      )}
    </>
  );
}
