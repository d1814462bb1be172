import type { ReactNode } from 'react';

/** One fact: its label and its value. */
export type Detail = readonly [label: string, value: ReactNode];

interface DetailsListProps {
  details: readonly Detail[];
}

/** Facts about something, each label beside its value, in the order given. */
export function DetailsList({ details }: DetailsListProps) {
  return (
    <dl className="details">
      {details.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
