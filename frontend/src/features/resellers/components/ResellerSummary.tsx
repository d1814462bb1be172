import { DateTime } from '../../../components/DateTime';
import { DetailsList } from '../../../components/DetailsList';
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
  return (
    <DetailsList
      details={[
        ['Status', RESELLER_STATUS_LABELS[reseller.status]],
        ['Owner', reseller.ownerEmail ?? 'No owner'],
        ['Contact', reseller.contactName || '—'],
        ['Phone', reseller.phone || '—'],
        ['Billing email', reseller.billingEmail || '—'],
        ['Address', addressOf(reseller) || '—'],
        ['Since', <DateTime key="since" value={reseller.createdAt} dateOnly />],
      ]}
    />
  );
}
