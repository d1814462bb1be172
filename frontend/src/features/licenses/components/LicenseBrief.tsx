import { DetailsList } from '../../../components/DetailsList';
import { LicenseKeyLink } from '../../../components/LicenseKeyLink';
import type { LicenseToModify, PersonalLicense } from '../modificationQueries';
import { Maintenance } from './LicenseBadges';

type BriefLicense = (LicenseToModify | PersonalLicense) & { customer?: { email: string } | null };

/** Whom a license is for: the account itself, a customer, or a customer still to come. */
function useOf(license: BriefLicense): string {
  if (license.personal) return 'Personal: for your own use';
  if (license.customer) return `Resold to ${license.customer.email}`;
  return license.status === 'ASSIGNED' ? 'Resold to a customer' : 'For resale, not assigned yet';
}

/** A license in a few facts, to tell it is the one to change: key, what it licenses, whose, M&S and revision. */
export function LicenseBrief({ license }: { license: BriefLicense }) {
  return (
    <DetailsList
      details={[
        [
          'License key',
          <LicenseKeyLink key="key" licenseKey={license.key} />,
        ],
        ['Product', `${license.product.name} ${license.edition.name}, ${license.tier.name}`],
        ['Add-ons', license.addons.length > 0 ? license.addons.map((addon) => addon.name).join(', ') : 'None'],
        ['Use', useOf(license)],
        [
          'Maintenance & Support until',
          <Maintenance key="maintenance" expiresAt={license.maintenanceExpiresAt} status={license.maintenanceStatus} />,
        ],
        ['Revision', String(license.revision)],
      ]}
    />
  );
}
