// The "Reduce background noise" switch, the same checkbox in the prejoin and in the call's
// settings; `failure` is the last attempt's, said under it.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { noiseSuppressionFailureMessageKey, type NoiseSuppressionFailure } from './noise-suppression';

interface NoiseSuppressionCheckboxProps {
  enabled: boolean;
  failure: NoiseSuppressionFailure | null;
  onChange(enabled: boolean): void;
}

export function NoiseSuppressionCheckbox({ enabled, failure, onChange }: NoiseSuppressionCheckboxProps) {
  const { t } = useTranslation();
  const checkboxId = useId();
  const hintId = useId();
  return (
    <>
      <div className="field field--inline">
        <input id={checkboxId} type="checkbox" checked={enabled} aria-describedby={hintId} onChange={(event) => onChange(event.target.checked)} />
        <label htmlFor={checkboxId}>{t('noiseSuppression.toggle')}</label>
      </div>
      <p id={hintId} className="muted">
        {t('noiseSuppression.hint')}
      </p>
      {failure && (
        <p className="notice notice--warning" role="alert">
          {t(noiseSuppressionFailureMessageKey[failure])}
        </p>
      )}
    </>
  );
}
