import { create } from 'zustand';
import type { ReactionEmoji } from '../../../common/meet-types';

export const reactionSymbols: Record<ReactionEmoji, string> = {
  'thumbs-up': '👍',
  'thumbs-down': '👎',
  'clapping-hands': '👏',
  'red-heart': '❤️',
  'face-with-tears-of-joy': '😂',
  'face-with-open-mouth': '😮',
  'party-popper': '🎉',
  'folded-hands': '🙏',
};

export interface FloatingReaction {
  id: number;
  emoji: ReactionEmoji;
  senderName: string;
  offset: number;
}

const FLOAT_MS = 3000;
let nextId = 1;

interface ReactionState {
  reactions: FloatingReaction[];
  show(emoji: ReactionEmoji, senderName: string): void;
}

export const useReactionStore = create<ReactionState>((set, get) => ({
  reactions: [],
  show(emoji, senderName) {
    const id = nextId++;
    set({ reactions: [...get().reactions, { id, emoji, senderName, offset: Math.round(Math.random() * 60) }].slice(-30) });
    setTimeout(() => set({ reactions: get().reactions.filter((reaction) => reaction.id !== id) }), FLOAT_MS);
  },
}));
