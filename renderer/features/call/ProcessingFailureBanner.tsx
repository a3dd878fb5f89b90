import { useTranslation } from 'react-i18next';

interface Props {
  /** The i18n key of what could not start (a camera effect, noise suppression), or null to show nothing. */
  messageKey: string | null;
  onDismiss(): void;
}

/** Says, during the call, that a processing of the camera or microphone could not start and the device is sent as captured. */
export function ProcessingFailureBanner({ messageKey, onDismiss }: Props) {
  const { t } = useTranslation();
  if (!messageKey) return null;
  return (
    <div className="banner banner--warning" role="alert">
      <span>{t(messageKey)}</span>
      <button type="button" className="button" onClick={onDismiss}>
        {t('shortcuts.close')}
      </button>
    </div>
  );
}
