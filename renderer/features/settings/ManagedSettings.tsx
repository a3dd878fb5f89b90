// What the deployment decides in the settings: the keys the administrator locked (read with
// `settings:get`), the instance this computer uses (picked among the known profiles, applied at
// the next start) and the form that adds a LaSuite Meet instance by its address.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileList, SettingsView } from '../../../common/ipc-contract';
import { invoke } from '../../platform/visio';
import { addInstanceErrorText, managedSettingsMessages, profileSelectErrorText } from './managed-settings-messages';
import { profileChoices } from './profile-choices';

/** The settings view (null until main answered, or when it could not), and how to replace it after a change. */
export function useSettingsView(): [SettingsView | null, (view: SettingsView) => void] {
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
  return [view, setView];
}

type ProfilesState = { name: 'loading' } | { name: 'ready'; list: ProfileList } | { name: 'failed' };

/** The known profiles (`profiles:list`), and a way to read them again after a change. */
function useProfileList(): [ProfilesState, () => Promise<void>, (list: ProfileList) => void] {
  const [state, setState] = useState<ProfilesState>({ name: 'loading' });
  const reload = useCallback(async () => {
    const result = await invoke('profiles:list', undefined);
    setState(result.ok ? { name: 'ready', list: result.value } : { name: 'failed' });
  }, []);
  useEffect(() => {
    let current = true;
    void invoke('profiles:list', undefined).then((result) => {
      if (current) setState(result.ok ? { name: 'ready', list: result.value } : { name: 'failed' });
    });
    return () => {
      current = false;
    };
  }, []);
  const replace = useCallback((list: ProfileList) => setState({ name: 'ready', list }), []);
  return [state, reload, replace];
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

type SelectState = { name: 'idle' } | { name: 'choosing' } | { name: 'chosen'; message: string } | { name: 'refused'; message: string };

/** The known instances as a radio group: the choice is saved at once and applies at the next start. */
export function ProfilePicker({ view, profiles, onChosen }: { view: SettingsView | null; profiles: ProfilesState; onChosen: (list: ProfileList) => void }) {
  const { i18n } = useTranslation();
  const words = managedSettingsMessages(i18n.language);
  const [state, setState] = useState<SelectState>({ name: 'idle' });
  const groupName = useId();
  const hintId = useId();
  const lockId = useId();
  const statusId = useId();

  if (profiles.name !== 'ready') {
    return (
      <p role="status" className="hint">
        {profiles.name === 'loading' ? words.loadingProfiles : words.profilesUnavailable}
      </p>
    );
  }
  const { choices, selectedId, locked } = profileChoices(profiles.list, view);

  async function choose(profileId: string) {
    if (locked || state.name === 'choosing' || profileId === selectedId) return;
    setState({ name: 'choosing' });
    const result = await invoke('profiles:select', { profileId });
    if (!result.ok) {
      setState({ name: 'refused', message: profileSelectErrorText(result.error, i18n.language) });
      return;
    }
    onChosen(result.value);
    const chosen = result.value.profiles.find((profile) => profile.id === result.value.selectedProfileId);
    const name = chosen?.displayName ?? result.value.selectedProfileId;
    const template = result.value.selectedProfileId === result.value.activeProfileId ? words.profileKept : words.profileChosen;
    setState({ name: 'chosen', message: template.replace('{name}', name) });
  }

  return (
    <fieldset className="settings__group" aria-describedby={locked ? `${hintId} ${lockId}` : hintId}>
      <legend>{words.profileLegend}</legend>
      <p id={hintId} className="hint">
        {words.nextStart}
      </p>
      {locked && <LockedNote id={lockId} />}
      {choices.map((choice) => {
        const id = `${groupName}-${choice.id}`;
        return (
          <div key={choice.id} className="field field--inline">
            <input
              id={id}
              type="radio"
              name={groupName}
              value={choice.id}
              checked={choice.id === selectedId}
              disabled={choice.disabled}
              aria-describedby={statusId}
              onChange={() => void choose(choice.id)}
            />
            <label htmlFor={id}>
              {choice.displayName} — {choice.host}
              {choice.active && ` (${words.inUse})`}
            </label>
          </div>
        );
      })}
      <p id={statusId} role={state.name === 'refused' ? 'alert' : 'status'} className={state.name === 'refused' ? 'field-error' : 'hint'}>
        {(state.name === 'chosen' || state.name === 'refused') && state.message}
      </p>
    </fieldset>
  );
}

/** The instances: which one to use, and adding one by its address; an added one joins the list. */
export function InstancesSection({ view }: { view: SettingsView | null }) {
  const { i18n } = useTranslation();
  const words = managedSettingsMessages(i18n.language);
  const [profiles, reloadProfiles, replaceProfiles] = useProfileList();
  return (
    <section className="settings__section">
      <h3>{words.instances}</h3>
      <ProfilePicker view={view} profiles={profiles} onChosen={replaceProfiles} />
      <AddInstanceForm view={view} onAdded={() => void reloadProfiles()} />
    </section>
  );
}

export function AddInstanceForm({ view, onAdded }: { view: SettingsView | null; onAdded?: () => void }) {
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
      onAdded?.();
    } else {
      setState({ name: 'refused', message: addInstanceErrorText(result.error, i18n.language) });
    }
  }

  return (
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
  );
}
