import type { ReactNode } from 'react';
import { DateTime } from '../../../components/DateTime';
import { RESELLER_STATUS_LABELS } from '../../../lib/labels';
import type { ResellerDetails } from '../queries';

interface ResellerSummaryProps {
  reseller: ResellerDetails;
}

function addressOf(reseller: ResellerDetails): string {
  const cityLine = [reseller.postalCode, reseller.city].filter(Boolean).join(' ');
  return [reseller.addressLine1, reseller.addressLine2, cityLine, reseller.region, reseller.country]
    .filter(Boolean)
    .join(', ');
}

/** Who a reseller is: status, owner, contact and address. */
export function ResellerSummary({ reseller }: ResellerSummaryProps) {
  const rows: readonly [string, ReactNode][] = [
    ['Status', RESELLER_STATUS_LABELS[reseller.status]],
    ['Owner', reseller.ownerEmail ?? 'No owner'],
    ['Contact', reseller.contactName || '—'],
    ['Phone', reseller.phone || '—'],
    ['Billing email', reseller.billingEmail || '—'],
    ['Address', addressOf(reseller) || '—'],
    ['Since', <DateTime key="since" value={reseller.createdAt} dateOnly />],
  ];
  return (
    <dl className="details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
