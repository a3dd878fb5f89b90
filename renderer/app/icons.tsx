// Inline icons (no icon font or remote sprite): decorative, hidden from assistive technologies.
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 2, strokeLinecap: 'round', strokeLinejoin: 'round' } as const;

export const MicrophoneIcon = ({ off = false }: { off?: boolean }) => (
  <Icon>
    <rect x="9" y="3" width="6" height="11" rx="3" {...stroke} />
    <path d="M5 11a7 7 0 0 0 14 0M12 18v3" {...stroke} />
    {off && <path d="M4 4l16 16" {...stroke} />}
  </Icon>
);

export const CameraIcon = ({ off = false }: { off?: boolean }) => (
  <Icon>
    <rect x="3" y="6" width="13" height="12" rx="2" {...stroke} />
    <path d="M16 10l5-3v10l-5-3" {...stroke} />
    {off && <path d="M3 3l18 18" {...stroke} />}
  </Icon>
);

/** A person in front of a dotted, blurred background. */
export const BlurIcon = () => (
  <Icon>
    <circle cx="12" cy="9" r="3" {...stroke} />
    <path d="M6.5 20a5.5 5.5 0 0 1 11 0" {...stroke} />
    <path d="M3 5h.01M3 12h.01M3 19h.01M21 5h.01M21 12h.01M21 19h.01M7 4h.01M17 4h.01" {...stroke} />
  </Icon>
);

export const LeaveIcon = () => (
  <Icon>
    <path d="M3 14c5-5 13-5 18 0l-2 3-4-1v-3a10 10 0 0 0-6 0v3l-4 1z" {...stroke} />
  </Icon>
);

export const HandIcon = () => (
  <Icon>
    <path d="M8 13V5a1.5 1.5 0 0 1 3 0v6M11 11V4a1.5 1.5 0 0 1 3 0v7M14 11V5.5a1.5 1.5 0 0 1 3 0V14a7 7 0 0 1-7 7 6 6 0 0 1-5-3l-2.5-4.5a1.5 1.5 0 0 1 2.5-1.5L8 15" {...stroke} />
  </Icon>
);

export const ChatIcon = () => (
  <Icon>
    <path d="M4 5h16v11H9l-5 4z" {...stroke} />
  </Icon>
);

export const PeopleIcon = () => (
  <Icon>
    <circle cx="9" cy="8" r="3.5" {...stroke} />
    <path d="M2.5 20a6.5 6.5 0 0 1 13 0M16 4.5a3.5 3.5 0 0 1 0 7M18 14a6 6 0 0 1 3.5 6" {...stroke} />
  </Icon>
);

export const ScreenIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="12" rx="2" {...stroke} />
    <path d="M8 20h8M12 16v4M12 13V7M9 10l3-3 3 3" {...stroke} />
  </Icon>
);

export const SmileIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" {...stroke} />
    <path d="M8 14a4.5 4.5 0 0 0 8 0M9 9.5h.01M15 9.5h.01" {...stroke} />
  </Icon>
);

export const SettingsIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="3" {...stroke} />
    <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1" {...stroke} />
  </Icon>
);

export const SubtitlesIcon = () => (
  <Icon>
    <rect x="3" y="5" width="18" height="14" rx="2" {...stroke} />
    <path d="M7 15h4M13 15h4M7 11h10" {...stroke} />
  </Icon>
);

export const KeyboardIcon = () => (
  <Icon>
    <rect x="2" y="6" width="20" height="12" rx="2" {...stroke} />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" {...stroke} />
  </Icon>
);

export const PinIcon = () => (
  <Icon>
    <path d="M9 3h6l-1 6 4 4H6l4-4zM12 13v8" {...stroke} />
  </Icon>
);

export const LayoutIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="11" rx="1.5" {...stroke} />
    <path d="M3 19h4M10 19h4M17 19h4" {...stroke} />
  </Icon>
);

export const RecordIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" {...stroke} />
    <circle cx="12" cy="12" r="4" fill="currentColor" />
  </Icon>
);

export const InfoIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" {...stroke} />
    <path d="M12 11v6M12 7.5v.01" {...stroke} />
  </Icon>
);
