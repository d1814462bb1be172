import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';

interface FigureCardProps {
  title: string;
  /** The card's one big figure, e.g. "3" or "$1,249.00". */
  figure: string;
  /** Draws the figure in the warning style, e.g. an overdue amount. */
  warning?: boolean;
  /** What the figure means or what to do about it, under it. */
  children?: ReactNode;
  /** Where the figure's details are. */
  link?: { to: string; label: string } | undefined;
}

/** One of the home page's figures: a small region named by its title, with a link to its details. */
export function FigureCard({ title, figure, warning = false, children, link }: FigureCardProps) {
  const headingId = useId();
  return (
    <section className={warning ? 'figure-card figure-card--warning' : 'figure-card'} aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="figure-card-figure">{figure}</p>
      {children}
      {link && (
        <p className="figure-card-link">
          <Link to={link.to}>{link.label}</Link>
        </p>
      )}
    </section>
  );
}
