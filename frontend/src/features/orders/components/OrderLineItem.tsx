import { Link } from 'react-router';
import { formatYears, LINE_KIND_LABELS } from '../../../lib/labels';
import { licensePath } from '../../../lib/paths';
import type { OrderLine } from '../queries';

/** What an order line bought: its description, and for an upgrade or M&S the change and the license it changed. */
export function OrderLineItem({ line }: { line: OrderLine }) {
  if (line.kind === 'NEW_LICENSE') return <>{line.description}</>;
  return (
    <>
      <span className="line-title">{LINE_KIND_LABELS[line.kind]}</span>
      {line.description}
      {line.license && (
        <span className="cell-note">
          License <Link to={licensePath(line.license.key)}>{line.license.key}</Link>
        </span>
      )}
      {line.years ? (
        <span className="cell-note">{formatYears(line.years)} of M&amp;S</span>
      ) : null}
    </>
  );
}
