import type { ReactNode } from 'react';

/** How a status reads at a glance: done or fine, needing attention, a problem, or neither. */
export type BadgeTone = 'success' | 'warning' | 'danger' | 'neutral';

interface BadgeProps {
  tone: BadgeTone;
  children: ReactNode;
}

/** A short status as a coloured label. */
export function Badge({ tone, children }: BadgeProps) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}
