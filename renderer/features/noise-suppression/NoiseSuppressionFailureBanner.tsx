import { useTranslation } from 'react-i18next';
import { useCallStore } from '../call/call-store';
import { noiseSuppressionFailureMessageKey } from './noise-suppression';

/** Says, during the call, that noise suppression could not start and the microphone is sent as captured. */
export function NoiseSuppressionFailureBanner() {
  const { t } = useTranslation();
  const failure = useCallStore((state) => state.noiseSuppressionFailure);
  const dismiss = useCallStore((state) => state.dismissNoiseSuppressionFailure);
  if (!failure) return null;
  return (
    <div className="banner banner--warning" role="alert">
      <span>{t(noiseSuppressionFailureMessageKey[failure])}</span>
      <button type="button" className="button" onClick={dismiss}>
        {t('shortcuts.close')}
      </button>
    </div>
  );
}
