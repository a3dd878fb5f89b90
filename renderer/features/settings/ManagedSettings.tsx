// What the deployment decides in the settings: the keys the administrator locked (read with
// `settings:get`), and the form that adds a LaSuite Meet instance by its address.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SettingsView } from '../../../common/ipc-contract';
import { invoke } from '../../platform/visio';
import { addInstanceErrorText, managedSettingsMessages } from './managed-settings-messages';

/** The settings view, or null until main answered (or when it could not). */
export function useSettingsView(): SettingsView | null {
  const [view, setView] = useState<SettingsView | null>(null);
  useEffect(() => {
    let current = true;
    void invoke('settings:get', undefined).then((result) => {
      if (current && result.ok) setView(result.value);
    });
    return () => {
      current = false;
    };
  }, []);
  return view;
}

export function isLockedByPolicy(view: SettingsView | null, key: string): boolean {
  return view?.locked.includes(key) ?? false;
}

/** Shown under a control the policy locks. */
export function LockedNote({ id }: { id: string }) {
  const { i18n } = useTranslation();
  return (
    <p id={id} className="hint">
      {managedSettingsMessages(i18n.language).lockedByPolicy}
    </p>
  );
}

type AddState = { name: 'idle' } | { name: 'adding' } | { name: 'added'; displayName: string } | { name: 'refused'; message: string };

export function AddInstanceForm({ view }: { view: SettingsView | null }) {
  const { i18n } = useTranslation();
  const words = managedSettingsMessages(i18n.language);
  const [url, setUrl] = useState('');
  const [state, setState] = useState<AddState>({ name: 'idle' });
  const urlId = useId();
  const hintId = useId();
  const statusId = useId();
  const locked = view !== null && !view.settings.addInstanceAllowed;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (locked || state.name === 'adding') return;
    setState({ name: 'adding' });
    const result = await invoke('profiles:add-instance', { url: url.trim() });
    if (result.ok) {
      setState({ name: 'added', displayName: result.value.displayName });
      setUrl('');
    } else {
      setState({ name: 'refused', message: addInstanceErrorText(result.error, i18n.language) });
    }
  }

  return (
    <section className="settings__section">
      <h3>{words.instances}</h3>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor={urlId}>{words.instanceUrl}</label>
          <p id={hintId} className="hint">
            {locked ? words.lockedByPolicy : words.instanceUrlHint}
          </p>
          <div className="field-row">
            <input
              id={urlId}
              type="url"
              inputMode="url"
              autoComplete="url"
              value={url}
              disabled={locked}
              aria-describedby={`${hintId} ${statusId}`}
              aria-invalid={state.name === 'refused'}
              onChange={(event) => setUrl(event.target.value)}
            />
            <button type="submit" disabled={locked || url.trim().length === 0 || state.name === 'adding'}>
              {words.addInstance}
            </button>
          </div>
          <p id={statusId} role={state.name === 'refused' ? 'alert' : 'status'} className={state.name === 'refused' ? 'field-error' : 'hint'}>
            {state.name === 'adding' && words.adding}
            {state.name === 'added' && words.added.replace('{name}', state.displayName)}
            {state.name === 'refused' && state.message}
          </p>
        </div>
      </form>
    </section>
  );
}
