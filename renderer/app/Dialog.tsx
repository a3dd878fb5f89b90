// A modal dialog on react-aria-components: focus moves in, stays in and goes back where it came
// from; Escape closes the topmost dialog only; the dialog is named by its title.
import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface Props {
  title: string;
  closeLabel: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ title, closeLabel, onClose, children, className }: Props) {
  return (
    <ModalOverlay
      className="dialog-overlay"
      isOpen
      isKeyboardDismissDisabled={false}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Modal className={`dialog ${className ?? ''}`}>
        <AriaDialog className="dialog__content">
          <div className="dialog__header">
            <Heading slot="title" level={2}>
              {title}
            </Heading>
            <button type="button" className="button" onClick={onClose}>
              {closeLabel}
            </button>
          </div>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}
