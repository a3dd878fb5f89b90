import { useTranslation } from 'react-i18next';
import { useCallStore } from '../call/call-store';
import { blurFailureMessageKey } from './background-blur';

/** Says, during the call, that background blur could not be turned on and the camera is sharp. */
export function BlurFailureBanner() {
  const { t } = useTranslation();
  const failure = useCallStore((state) => state.blurFailure);
  const dismiss = useCallStore((state) => state.dismissBlurFailure);
  if (!failure) return null;
  return (
    <div className="banner banner--warning" role="alert">
      <span>{t(blurFailureMessageKey[failure])}</span>
      <button type="button" className="button" onClick={dismiss}>
        {t('shortcuts.close')}
      </button>
    </div>
  );
}
