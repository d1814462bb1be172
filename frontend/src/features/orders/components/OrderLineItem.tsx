import { LicenseChangeNotes } from '../../../components/LicenseChangeNotes';
import { LINE_KIND_LABELS } from '../../../lib/labels';
import type { OrderLine } from '../queries';

/** What an order line bought: its description; for an upgrade or M&S, the license and what changed of it. */
export function OrderLineItem({ line }: { line: OrderLine }) {
  if (line.kind === 'NEW_LICENSE') return <>{line.description}</>;
  return (
    <>
      <span className="line-title">{LINE_KIND_LABELS[line.kind]}</span>
      {line.description}
      <LicenseChangeNotes license={line.license} years={line.years} change={line.change} />
    </>
  );
}
