import { DataTable } from '../../../components/DataTable';
import { LicenseKeyLink } from '../../../components/LicenseKeyLink';
import type { PersonalLicense } from '../modificationQueries';
import { AddonsCell, EditionAndTierCell, MaintenanceCell } from './LicenseCells';

interface LicensePickerTableProps {
  caption: string;
  licenses: readonly PersonalLicense[];
  onSelect: (license: PersonalLicense) => void;
}

/** Licenses to choose one from: key, what it licenses, M&S, and a Select button each. */
export function LicensePickerTable({ caption, licenses, onSelect }: LicensePickerTableProps) {
  return (
    <DataTable
      caption={caption}
      className="compact-table"
      columns={['Key', 'Product', 'Edition and tier', 'Add-ons', 'M&S', 'Actions']}
    >
      {licenses.map((license) => (
        <tr key={license.id}>
          <th scope="row">
            <LicenseKeyLink licenseKey={license.key} />
          </th>
          <td>{license.product.name}</td>
          <EditionAndTierCell license={license} />
          <AddonsCell addons={license.addons} />
          <MaintenanceCell status={license.maintenanceStatus} expiresAt={license.maintenanceExpiresAt} />
          <td>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                onSelect(license);
              }}
            >
              Select<span className="visually-hidden"> {license.key}</span>
            </button>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
