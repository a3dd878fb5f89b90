// For hosts: who waits in the lobby, refreshed on `participantWaiting` and every few seconds,
// and the admit/deny decisions.
import { create } from 'zustand';
import type { AppError } from '../../../common/ipc-contract';
import type { WaitingParticipant } from '../../../common/meet-types';
import { invoke } from '../../platform/visio';
import { displayName } from '../room-trust/display';

interface WaitingState {
  participants: WaitingParticipant[];
  error: AppError | null;
  refresh(roomId: string, roomSlug: string): Promise<WaitingParticipant[]>;
  decide(roomId: string, roomSlug: string, participantId: string, allowEntry: boolean): Promise<void>;
  reset(): void;
}

export const useWaitingStore = create<WaitingState>((set, get) => ({
  participants: [],
  error: null,
  async refresh(roomId, roomSlug) {
    const result = await invoke('backend:lobby:waiting', { roomId });
    if (!result.ok) {
      set({ error: result.error });
      return get().participants;
    }
    // Names are typed by whoever waits: shown as others' names are, cleaned and cut.
    const participants = result.value
      .filter((participant) => participant.status === 'waiting')
      .map((participant) => ({ ...participant, username: displayName(participant.username, undefined) }));
    const changed =
      participants.length !== get().participants.length ||
      participants.some((participant, index) => participant.id !== get().participants[index]?.id);
    set({ participants, error: null });
    if (changed) {
      void invoke('lobby:waiting-changed', {
        roomId,
        roomSlug,
        participants: participants.slice(0, 500).map((participant) => ({ id: participant.id, username: participant.username })),
      });
    }
    return participants;
  },
  async decide(roomId, roomSlug, participantId, allowEntry) {
    set({ participants: get().participants.filter((participant) => participant.id !== participantId) });
    const result = await invoke('backend:lobby:enter', { roomId, participantId, allowEntry });
    if (!result.ok) set({ error: result.error });
    await get().refresh(roomId, roomSlug);
  },
  reset: () => set({ participants: [], error: null }),
}));
