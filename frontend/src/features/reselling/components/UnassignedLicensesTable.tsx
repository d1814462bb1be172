import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { licensePath } from '../../../lib/paths';
import { Maintenance } from '../../licenses/components/LicenseBadges';
import type { ResaleLicense } from '../queries';

const COLUMNS: readonly Column[] = ['Product', 'Edition and tier', 'Add-ons', 'M&S until', 'License key'];

interface UnassignedLicensesTableProps {
  licenses: readonly ResaleLicense[];
  /** Offer "Assign license" on each row (for roles that may assign licenses). */
  canAssign: boolean;
  /** Show a license's product details (the product name is the button). */
  onShowProduct: (license: ResaleLicense) => void;
  onAssign: (license: ResaleLicense) => void;
}

/** The licenses bought for resale that no customer has yet, newest first, each to assign. */
export function UnassignedLicensesTable({ licenses, canAssign, onShowProduct, onAssign }: UnassignedLicensesTableProps) {
  return (
    <DataTable
      caption="Unassigned licenses for resale, newest first"
      className="compact-table reselling-table"
      columns={canAssign ? [...COLUMNS, 'Actions'] : COLUMNS}
    >
      {licenses.map((license) => (
        <tr key={license.id}>
          <th scope="row">
            <button
              type="button"
              className="button-text"
              onClick={() => {
                onShowProduct(license);
              }}
            >
              {license.product.name}
              <span className="visually-hidden"> details, license {license.key}</span>
            </button>
          </th>
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
            <Maintenance expiresAt={license.maintenanceExpiresAt} status={license.maintenanceStatus} />
          </td>
          <td className="nowrap">
            <Link to={licensePath(license.key)}>
              <code>{license.key}</code>
            </Link>
          </td>
          {canAssign && (
            <td>
              <button
                type="button"
                className="button-secondary nowrap"
                onClick={() => {
                  onAssign(license);
                }}
              >
                Assign license<span className="visually-hidden"> {license.key}</span>
              </button>
            </td>
          )}
        </tr>
      ))}
    </DataTable>
  );
}
