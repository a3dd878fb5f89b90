// The label of an icon-only control, and its keyboard shortcut, shown on hover and keyboard focus.
import { Tooltip } from 'react-aria-components';

export const TOOLTIP_DELAY_MS = 300;

export function ControlTooltip({ label, keys }: { label: string; keys?: string }) {
  return (
    <Tooltip className="control-tooltip" offset={8} placement="top">
      {label}
      {keys && <kbd className="control-tooltip__keys">{keys}</kbd>}
    </Tooltip>
  );
}
