import type { LicenseStatus, MaintenanceStatus } from '../../gql/graphql';
import type { BadgeTone } from '../../components/Badge';

export const LICENSE_STATUS_LABELS: Record<LicenseStatus, string> = {
  UNASSIGNED: 'Unassigned',
  ASSIGNED: 'Assigned',
};

export const LICENSE_STATUS_TONES: Record<LicenseStatus, BadgeTone> = {
  UNASSIGNED: 'warning',
  ASSIGNED: 'success',
};

export const MAINTENANCE_STATUS_LABELS: Record<MaintenanceStatus, string> = {
  ACTIVE: 'Active',
  EXPIRED: 'Expired',
  LAPSED: 'Lapsed',
};

export const MAINTENANCE_STATUS_TONES: Record<MaintenanceStatus, BadgeTone> = {
  ACTIVE: 'success',
  EXPIRED: 'warning',
  LAPSED: 'danger',
};

/** What each M&S status means for the license, in one sentence. */
export const MAINTENANCE_STATUS_HINTS: Record<MaintenanceStatus, string> = {
  ACTIVE: 'Updates, support and the add-ons are included.',
  EXPIRED:
    'Ended within the grace period: the license keeps working on older builds, its add-ons have stopped, ' +
    'and a renewal continues it from the old expiry.',
  LAPSED:
    'Ended before the grace period: the license keeps working on older builds, its add-ons have stopped, ' +
    'and it takes a reinstatement.',
};
