import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { ResellerLink } from '../../../components/ResellerLink';
import { licensePath, orderPath } from '../../../lib/paths';
import type { LicenseRow } from '../queries';
import { LicenseStatusBadges, MaintenanceBadge } from './LicenseBadges';

const COLUMNS: readonly Column[] = ['Key', 'Product', 'Edition and tier', 'Add-ons', 'Status', 'M&S', 'Order'];
const COLUMNS_WITH_RESELLER: readonly Column[] = ['Key', 'Reseller', ...COLUMNS.slice(1)];

interface LicensesTableProps {
  licenses: readonly LicenseRow[];
  /** Link each order number to its order (for roles that may read orders). */
  linkOrders: boolean;
  /** Show whose each license is (the vendor sees every account's). */
  showResellers: boolean;
}

/** Licenses, newest first: key, reseller, what it licenses, whether it is assigned, M&S and the order. */
export function LicensesTable({ licenses, linkOrders, showResellers }: LicensesTableProps) {
  return (
    <DataTable
      caption="Licenses, newest first"
      className="compact-table"
      columns={showResellers ? COLUMNS_WITH_RESELLER : COLUMNS}
    >
      {licenses.map((license) => (
        <tr key={license.id}>
          <th scope="row">
            <Link to={licensePath(license.key)}>
              <code>{license.key}</code>
            </Link>
          </th>
          {showResellers && (
            <td>
              {license.reseller ? <ResellerLink reseller={license.reseller} /> : <span className="muted">—</span>}
            </td>
          )}
          <td>{license.product.name}</td>
          <td>
            {license.edition.name}
            <span className="cell-note">{license.tier.name}</span>
          </td>
          <td>
            {license.addons.length > 0 ? (
              license.addons.map((addon) => addon.name).join(', ')
            ) : (
              <span className="muted">None</span>
            )}
          </td>
          <td>
            <LicenseStatusBadges status={license.status} personal={license.personal} />
          </td>
          <td className="nowrap">
            <MaintenanceBadge status={license.maintenanceStatus} />
            <span className="cell-note">
              until <DateTime value={license.maintenanceExpiresAt} dateOnly />
            </span>
          </td>
          <td className="nowrap">
            {license.order === null || license.order === undefined ? (
              <span className="muted">—</span>
            ) : linkOrders ? (
              <Link to={orderPath(license.order.id)}>{license.order.number}</Link>
            ) : (
              license.order.number
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
