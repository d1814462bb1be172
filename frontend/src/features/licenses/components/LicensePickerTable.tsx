import { Link } from 'react-router';
import { DataTable } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { licensePath } from '../../../lib/paths';
import type { PersonalLicense } from '../modificationQueries';
import { MaintenanceBadge } from './LicenseBadges';

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
            <Link to={licensePath(license.key)}>
              <code>{license.key}</code>
            </Link>
          </th>
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
          <td className="nowrap">
            <MaintenanceBadge status={license.maintenanceStatus} />
            <span className="cell-note">
              until <DateTime value={license.maintenanceExpiresAt} dateOnly />
            </span>
          </td>
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
