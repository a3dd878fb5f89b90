import { create } from 'zustand';
import type { AppInfo } from '../../common/ipc-contract';
import { invoke } from '../platform/visio';

interface AppInfoState {
  info: AppInfo | null;
  load(): Promise<AppInfo | null>;
}

export const useAppInfoStore = create<AppInfoState>((set) => ({
  info: null,
  async load() {
    const result = await invoke('app:info', undefined);
    const info = result.ok ? result.value : null;
    set({ info });
    return info;
  },
}));

/** Hosts whose meeting links the home page accepts. */
export const selectMeetingHosts = (state: AppInfoState): string[] =>
  state.info?.profile.meetingHosts ?? [window.location.host];
