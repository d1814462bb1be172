import { useId, type ReactNode } from 'react';

interface PanelProps {
  title: string;
  children: ReactNode;
}

/** A titled region of a page: a section named by its level-2 heading. */
export function Panel({ title, children }: PanelProps) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}
