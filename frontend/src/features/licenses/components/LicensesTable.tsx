import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { LicenseKeyLink } from '../../../components/LicenseKeyLink';
import { ResellerLink } from '../../../components/ResellerLink';
import { orderPath } from '../../../lib/paths';
import type { TableSorting } from '../../../lib/usePagedList';
import type { LicenseRow } from '../queries';
import { LicenseStatusBadges } from './LicenseBadges';
import { AddonsCell, EditionAndTierCell, MaintenanceCell } from './LicenseCells';

const KEY: Column = { label: 'Key', sort: 'KEY' };
const COLUMNS: readonly Column[] = [
  'Product',
  'Edition and tier',
  'Add-ons',
  'Status',
  { label: 'M&S', sort: 'MAINTENANCE_EXPIRES_AT' },
  'Order',
  { label: 'Bought', sort: 'CREATED_AT' },
];

/** The table's columns, sorting by key, M&S expiry and when bought. */
export function licenseColumns(showResellers: boolean): readonly Column[] {
  return showResellers ? [KEY, 'Reseller', ...COLUMNS] : [KEY, ...COLUMNS];
}

interface LicensesTableProps {
  caption: string;
  licenses: readonly LicenseRow[];
  sorting?: TableSorting;
  /** Link each order number to its order (for roles that may read orders). */
  linkOrders: boolean;
  /** Show whose each license is (the vendor sees every account's). */
  showResellers: boolean;
}

/** Licenses: key, reseller, what it licenses, whether it is assigned, M&S, the order and when bought. */
export function LicensesTable({ caption, licenses, sorting, linkOrders, showResellers }: LicensesTableProps) {
  return (
    <DataTable caption={caption} className="compact-table" columns={licenseColumns(showResellers)} sorting={sorting}>
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
          <td className="nowrap">
            <DateTime value={license.createdAt} dateOnly />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
