import { Badge } from '../../../components/Badge';
import { DateTime } from '../../../components/DateTime';
import type { LicenseStatus, MaintenanceStatus } from '../../../gql/graphql';
import {
  LICENSE_STATUS_LABELS,
  LICENSE_STATUS_TONES,
  MAINTENANCE_STATUS_LABELS,
  MAINTENANCE_STATUS_TONES,
} from '../labels';

/** Whether a license is assigned, and whether it is the account's own. */
export function LicenseStatusBadges({ status, personal }: { status: LicenseStatus; personal: boolean }) {
  return (
    <>
      <Badge tone={LICENSE_STATUS_TONES[status]}>{LICENSE_STATUS_LABELS[status]}</Badge>
      {personal && <Badge tone="neutral">Personal</Badge>}
    </>
  );
}

interface MaintenanceProps {
  expiresAt: string;
  status: MaintenanceStatus;
}

/** Whether Maintenance & Support is active, expired or lapsed. */
export function MaintenanceBadge({ status }: { status: MaintenanceStatus }) {
  return <Badge tone={MAINTENANCE_STATUS_TONES[status]}>{MAINTENANCE_STATUS_LABELS[status]}</Badge>;
}

/** When Maintenance & Support ends, and whether it is active, expired or lapsed. */
export function Maintenance({ expiresAt, status }: MaintenanceProps) {
  return (
    <>
      <DateTime value={expiresAt} dateOnly /> <MaintenanceBadge status={status} />
    </>
  );
}
