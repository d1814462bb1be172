import { DataTable, type Column } from '../../../components/DataTable';
import { LicenseKeyLink } from '../../../components/LicenseKeyLink';
import { Maintenance } from '../../licenses/components/LicenseBadges';
import { AddonsCell, EditionAndTierCell } from '../../licenses/components/LicenseCells';
import type { ResaleLicense } from '../queries';
import { AssignLicenseCell } from './AssignLicenseCell';

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
          <EditionAndTierCell license={license} />
          <AddonsCell addons={license.addons} />
          <td>
            <Maintenance expiresAt={license.maintenanceExpiresAt} status={license.maintenanceStatus} />
          </td>
          <td className="nowrap">
            <LicenseKeyLink licenseKey={license.key} />
          </td>
          {canAssign && (
            <AssignLicenseCell
              subject={license.key}
              onAssign={() => {
                onAssign(license);
              }}
            />
          )}
        </tr>
      ))}
    </DataTable>
  );
}
