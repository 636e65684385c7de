// Line icons for the call controls, drawn on a 24-unit grid in the current text colour.
import type { ReactNode } from "react";

function Icon({ children, size = 20 }: { children: ReactNode; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const MicIcon = ({ off = false, size }: { off?: boolean; size?: number }) => (
  <Icon size={size}>
    <rect x="9" y="3" width="6" height="11" rx="3" />
    <path d="M5 11a7 7 0 0 0 14 0" />
    <path d="M12 18v3" />
    {off && <path d="M3 3l18 18" />}
  </Icon>
);

export const CameraIcon = ({ off = false, size }: { off?: boolean; size?: number }) => (
  <Icon size={size}>
    <rect x="2" y="6" width="14" height="12" rx="2" />
    <path d="M16 10.5l6-3.5v10l-6-3.5" />
    {off && <path d="M3 3l18 18" />}
  </Icon>
);

export const ScreenIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <rect x="2" y="4" width="20" height="13" rx="2" />
    <path d="M8 21h8M12 17v4" />
    <path d="M12 13V8M9.5 10.5L12 8l2.5 2.5" />
  </Icon>
);

export const LeaveIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M3 14.5c5-4.5 13-4.5 18 0l-2 2.4a1 1 0 0 1-1.3.2l-2.5-1.5a1 1 0 0 1-.5-.9V13a11 11 0 0 0-5.4 0v1.7a1 1 0 0 1-.5.9l-2.5 1.5a1 1 0 0 1-1.3-.2z" />
  </Icon>
);

export const ExpandIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <path d="M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5" />
  </Icon>
);

export const CallIcon = ({ size }: { size?: number }) => (
  <Icon size={size}>
    <rect x="2" y="6" width="14" height="12" rx="2" />
    <path d="M16 10.5l6-3.5v10l-6-3.5" />
  </Icon>
);
