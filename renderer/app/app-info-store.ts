import { create } from 'zustand';
import type { AppInfo } from '../../common/ipc-contract';
import { appInfoQuery } from '../platform/backend-queries';
import { queryClient } from './query-client';

interface AppInfoState {
  info: AppInfo | null;
  load(): Promise<AppInfo | null>;
}

export const useAppInfoStore = create<AppInfoState>((set) => ({
  info: null,
  async load() {
    const info = await queryClient.fetchQuery(appInfoQuery()).catch(() => null);
    set({ info });
    return info;
  },
}));

/** Hosts whose meeting links the home page accepts. */
export const selectMeetingHosts = (state: AppInfoState): string[] =>
  state.info?.profile.meetingHosts ?? [window.location.host];
