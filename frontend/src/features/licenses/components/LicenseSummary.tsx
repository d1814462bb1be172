import { Link } from 'react-router';
import { CopyButton } from '../../../components/CopyButton';
import { DateTime } from '../../../components/DateTime';
import { DetailsList, type Detail } from '../../../components/DetailsList';
import { ResellerLink } from '../../../components/ResellerLink';
import { orderPath } from '../../../lib/paths';
import { MAINTENANCE_STATUS_HINTS } from '../labels';
import type { LicenseDetails } from '../queries';
import { LicenseStatusBadges, Maintenance } from './LicenseBadges';

interface LicenseSummaryProps {
  license: LicenseDetails;
  /** Link the order number to its order (for roles that may read orders). */
  linkOrder: boolean;
  /** Name the reseller account it belongs to (the vendor sees every account's). */
  showReseller: boolean;
}

/** Everything about a license: key, reseller, what it licenses, assignment, M&S, revision and order. */
export function LicenseSummary({ license, linkOrder, showReseller }: LicenseSummaryProps) {
  const { order } = license;
  return (
    <DetailsList
      details={[
        [
          'License key',
          <span key="key" className="inline-controls">
            <code>{license.key}</code>
            <CopyButton text={license.key} label="Copy key" />
          </span>,
        ],
        ...(showReseller && license.reseller
          ? [['Reseller', <ResellerLink key="reseller" reseller={license.reseller} />] satisfies Detail]
          : []),
        ['Product', license.product.name],
        ['Edition', license.edition.name],
        ['Tier', license.tier.name],
        ['Add-ons', license.addons.length > 0 ? license.addons.map((addon) => addon.name).join(', ') : 'None'],
        ['Status', <LicenseStatusBadges key="status" status={license.status} personal={license.personal} />],
        ['Use', license.personal ? 'Personal: for your own use' : 'For resale to a customer'],
        ['Assigned', license.assignedAt ? <DateTime key="assigned" value={license.assignedAt} /> : 'Not yet'],
        [
          'Maintenance & Support until',
          <span key="maintenance">
            <Maintenance expiresAt={license.maintenanceExpiresAt} status={license.maintenanceStatus} />
            <span className="cell-note">{MAINTENANCE_STATUS_HINTS[license.maintenanceStatus]}</span>
          </span>,
        ],
        ['Revision', String(license.revision)],
        ['Issued', <DateTime key="issued" value={license.createdAt} />],
        [
          'Order',
          order ? (
            linkOrder ? (
              <Link key="order" to={orderPath(order.id)}>
                {order.number}
              </Link>
            ) : (
              order.number
            )
          ) : (
            '—'
          ),
        ],
      ]}
    />
  );
}
