import { reactionSymbols, useReactionStore } from './reaction-store';

/** Visual only: screen readers get the reaction through the live region. */
export function FloatingReactions() {
  const reactions = useReactionStore((state) => state.reactions);
  return (
    <div className="floating-reactions" aria-hidden="true">
      {reactions.map((reaction) => (
        <span key={reaction.id} className="floating-reaction" style={{ left: `${reaction.offset}%` }}>
          <span className="floating-reaction__emoji">{reactionSymbols[reaction.emoji]}</span>
          <span className="floating-reaction__name">{reaction.senderName}</span>
        </span>
      ))}
    </div>
  );
}
