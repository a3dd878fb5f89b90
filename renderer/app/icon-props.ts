// Remix Icon (Meet's icon set) drawn inline, never fetched: decorative, so hidden from assistive
// technologies; the control around it carries the name.
export const iconProps = { size: 20, 'aria-hidden': true, focusable: false, className: 'icon' } as const;
