// The instance's `/config/` (recording, subtitles, sound and auto-mute thresholds), loaded once
// per run; the call works without it, with every optional feature off.
import { create } from 'zustand';
import type { MeetConfig } from '../../../common/meet-types';
import { invoke } from '../../platform/visio';

interface MeetConfigState {
  config: MeetConfig | null;
  load(): Promise<MeetConfig | null>;
}

let loading: Promise<MeetConfig | null> | null = null;

export const useMeetConfigStore = create<MeetConfigState>((set, get) => ({
  config: null,
  load() {
    if (get().config) return Promise.resolve(get().config);
    loading ??= invoke('backend:config', undefined).then((result) => {
      loading = null;
      if (!result.ok) return null;
      set({ config: result.value });
      return result.value;
    });
    return loading;
  },
}));
