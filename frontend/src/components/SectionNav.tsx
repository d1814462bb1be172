import { NavLink } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
  /** Current only on exactly this path, not on the paths below it. */
  end?: boolean;
}

interface SectionNavProps {
  /** The landmark's name, e.g. "Account". */
  label: string;
  items: readonly NavItem[];
  className?: string;
}

/** A list of links with the current page marked (`aria-current="page"`). */
export function SectionNav({ label, items, className }: SectionNavProps) {
  return (
    <nav aria-label={label} className={className}>
      <ul>
        {items.map(({ to, label: itemLabel, end = false }) => (
          <li key={to}>
            <NavLink to={to} end={end}>
              {itemLabel}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
