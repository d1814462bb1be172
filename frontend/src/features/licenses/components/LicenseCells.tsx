import { DateTime } from '../../../components/DateTime';
import type { MaintenanceStatus } from '../../../gql/graphql';
import type { LicenseChoice } from '../../../lib/licenseFragments';
import { MaintenanceBadge } from './LicenseBadges';

/*
 * The cells the license tables share: the Licenses list, the Modify Existing
 * License picker and the Reselling page's unassigned licenses.
 */

/** The edition, with the seat tier under it. */
export function EditionAndTierCell({ license }: { license: Pick<LicenseChoice, 'edition' | 'tier'> }) {
  return (
    <td>
      {license.edition.name}
      <span className="cell-note">{license.tier.name}</span>
    </td>
  );
}

/** The add-ons' names, or a muted None. */
export function AddonsCell({ addons }: { addons: LicenseChoice['addons'] }) {
  return (
    <td>
      {addons.length > 0 ? addons.map((addon) => addon.name).join(', ') : <span className="muted">None</span>}
    </td>
  );
}

interface MaintenanceCellProps {
  status: MaintenanceStatus;
  expiresAt: string;
}

/** Whether M&S is active, expired or lapsed, and until when. */
export function MaintenanceCell({ status, expiresAt }: MaintenanceCellProps) {
  return (
    <td className="nowrap">
      <MaintenanceBadge status={status} />
      <span className="cell-note">
        until <DateTime value={expiresAt} dateOnly />
      </span>
    </td>
  );
}
