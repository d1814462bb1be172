import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { LicenseKeyLink } from '../../../components/LicenseKeyLink';
import { ResellerLink } from '../../../components/ResellerLink';
import { orderPath } from '../../../lib/paths';
import type { LicenseRow } from '../queries';
import { LicenseStatusBadges } from './LicenseBadges';
import { AddonsCell, EditionAndTierCell, MaintenanceCell } from './LicenseCells';

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
            <LicenseKeyLink licenseKey={license.key} />
          </th>
          {showResellers && (
            <td>
              {license.reseller ? <ResellerLink reseller={license.reseller} /> : <span className="muted">—</span>}
            </td>
          )}
          <td>{license.product.name}</td>
          <EditionAndTierCell license={license} />
          <AddonsCell addons={license.addons} />
          <td>
            <LicenseStatusBadges status={license.status} personal={license.personal} />
          </td>
          <MaintenanceCell status={license.maintenanceStatus} expiresAt={license.maintenanceExpiresAt} />
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
