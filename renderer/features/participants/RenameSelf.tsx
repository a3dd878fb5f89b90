// The local participant's own name, changed in the call (participants panel, settings).
import { useQuery } from '@tanstack/react-query';
import type { Participant } from 'livekit-client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../app/error-message';
import { useNotificationStore } from '../call/notification-store';
import { MAX_DISPLAY_NAME_LENGTH, mayRenameSelf, renameSelf } from './rename-self';
import { configQuery } from '../../platform/backend-queries';

export function RenameSelf({ local, onDone }: { local: Participant | undefined; onDone?: () => void }) {
  const { t } = useTranslation();
  const config = useQuery(configQuery()).data ?? null;
  const [name, setName] = useState(local?.name ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const problemId = useId();
  if (!mayRenameSelf(local, config)) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const outcome = await renameSelf(name);
    setBusy(false);
    if (outcome.ok) {
      setProblem(null);
      useNotificationStore.getState().notify(t('rename.done', { name: outcome.name }));
      onDone?.();
    } else if ('invalid' in outcome) {
      setProblem(t(`rename.invalid.${outcome.invalid}`, { max: MAX_DISPLAY_NAME_LENGTH }));
    } else {
      setProblem(errorMessage(t, outcome.error));
    }
  }

  return (
    <form className="rename" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor={inputId}>{t('rename.label')}</label>
        <input
          id={inputId}
          type="text"
          value={name}
          maxLength={MAX_DISPLAY_NAME_LENGTH}
          autoComplete="name"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? problemId : undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      {problem && (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('rename.save')}
        </button>
        {onDone && (
          <button type="button" className="button" onClick={onDone}>
            {t('rename.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
