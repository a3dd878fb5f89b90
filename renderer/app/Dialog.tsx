// A modal dialog on the native <dialog>: focus is trapped and Escape closes it, as screen
// readers and keyboard users expect.
import { useEffect, useId, useRef, type ReactNode } from 'react';

interface Props {
  title: string;
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ title, closeLabel, onClose, children, className }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      previouslyFocused?.focus?.();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        // A dialog opened from this one is its child in the page: its Escape is not ours.
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button" onClick={onClose}>
          {closeLabel}
        </button>
      </div>
      {children}
    </dialog>
  );
}
