// The instance's `/config/` (recording, subtitles, sound and auto-mute thresholds), held by the
// query cache and mirrored here for the call's code outside React; the call works without it,
// with every optional feature off.
import { create } from 'zustand';
import type { MeetConfig } from '../../../common/meet-types';
import { queryClient } from '../../app/query-client';
import { configQuery } from '../../platform/backend-queries';

interface MeetConfigState {
  config: MeetConfig | null;
  load(): Promise<MeetConfig | null>;
}

export const useMeetConfigStore = create<MeetConfigState>((set) => ({
  config: null,
  async load() {
    try {
      const config = await queryClient.fetchQuery(configQuery());
      set({ config });
      return config;
    } catch {
      return null;
    }
  },
}));
