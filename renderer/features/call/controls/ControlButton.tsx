// One icon button of the control bar: a toggle when it has a state (microphone, hand, chat…),
// a plain button otherwise; its label is its accessible name and its tooltip.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ToggleButton, TooltipTrigger } from 'react-aria-components';
import { ariaKeyShortcuts } from '../../shortcuts/shortcuts';
import { ControlTooltip, TOOLTIP_DELAY_MS } from './ControlTooltip';

export interface ControlButtonProps {
  label: string;
  icon: ReactNode;
  onPress(): void;
  /** Given for toggles: whether the control is on (`aria-pressed`). */
  isSelected?: boolean;
  /** Red, as Meet shows a muted microphone or camera. */
  off?: boolean;
  /** Keys as shown to the user, e.g. "Ctrl+D". */
  keys?: string;
  badge?: number;
  badgeLabel?: string;
  /** Why the control cannot be used now; it stays focusable so the reason can be read. */
  unavailableReason?: string;
  className?: string;
}

const setKeyShortcuts = (keys: string | undefined) => (element: HTMLButtonElement | null) => {
  if (element && keys) element.setAttribute('aria-keyshortcuts', ariaKeyShortcuts(keys));
};

export function ControlButton({ label, icon, onPress, isSelected, off, keys, badge, badgeLabel, unavailableReason, className }: ControlButtonProps) {
  const { i18n } = useTranslation();
  const reasonId = useId();
  const classes = ['control', off && 'control--off', isSelected && !off && 'control--active', className].filter(Boolean).join(' ');
  const shared = {
    'aria-label': badge && badgeLabel ? `${label}, ${badgeLabel}` : label,
    'aria-disabled': unavailableReason ? true : undefined,
    'aria-describedby': unavailableReason ? reasonId : undefined,
    className: classes,
    ref: setKeyShortcuts(keys),
  } as const;
  const content = (
    <>
      {icon}
      {badge ? (
        <span className="badge" aria-label={badgeLabel}>
          {new Intl.NumberFormat(i18n.language).format(badge)}
        </span>
      ) : null}
    </>
  );
  const press = () => {
    if (!unavailableReason) onPress();
  };
  return (
    <>
      <TooltipTrigger delay={TOOLTIP_DELAY_MS}>
        {isSelected === undefined ? (
          <Button {...shared} onPress={press}>
            {content}
          </Button>
        ) : (
          <ToggleButton {...shared} isSelected={isSelected} onChange={press}>
            {content}
          </ToggleButton>
        )}
        <ControlTooltip label={unavailableReason ?? label} keys={unavailableReason ? undefined : keys} />
      </TooltipTrigger>
      {/* Outside the button, so that it describes the control without becoming part of its name. */}
      {unavailableReason && (
        <span id={reasonId} className="visually-hidden">
          {unavailableReason}
        </span>
      )}
    </>
  );
}
