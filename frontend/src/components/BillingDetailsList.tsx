import type { DocumentBilling } from '../lib/documentFragments';
import { DetailsList } from './DetailsList';

function addressOf(billing: DocumentBilling): string {
  const cityLine = [billing.postalCode, billing.city].filter(Boolean).join(' ');
  return [billing.addressLine1, billing.addressLine2, cityLine, billing.region, billing.country]
    .filter(Boolean)
    .join(', ');
}

/** Who an order or invoice is billed to: company, contact, address and invoice email. */
export function BillingDetailsList({ billing }: { billing: DocumentBilling }) {
  return (
    <DetailsList
      details={[
        ['Company', billing.name || '—'],
        ['Contact', billing.contactName || '—'],
        ['Address', addressOf(billing) || '—'],
        ['Invoice email', billing.email || '—'],
      ]}
    />
  );
}
