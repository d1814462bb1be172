import { useId, type ReactNode } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import { DateTime } from '../../../components/DateTime';
import { DetailsList } from '../../../components/DetailsList';
import { Maintenance } from '../../licenses/components/LicenseBadges';
import { MAINTENANCE_STATUS_HINTS } from '../../licenses/labels';
import type { MyLicense } from '../queries';

interface MyLicenseCardProps {
  license: MyLicense;
  /** Where it is activated, under its own heading. */
  installations: ReactNode;
}

/** One of the customer's licenses: what it licenses, the key to copy, M&S, who sold it, and its installations. */
export function MyLicenseCard({ license, installations }: MyLicenseCardProps) {
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {license.product.name} {license.edition.name}, {license.tier.name}
      </h2>
      <DetailsList
        details={[
          [
            'License key',
            <span key="key" className="inline-controls">
              <code className="license-key">{license.key}</code>
              <CopyButton text={license.key} label="Copy key" subject={license.key} />
            </span>,
          ],
          ['Add-ons', license.addons.length > 0 ? license.addons.map((addon) => addon.name).join(', ') : 'None'],
          [
            'Maintenance & Support until',
            <span key="maintenance">
              <Maintenance expiresAt={license.maintenanceExpiresAt} status={license.maintenanceStatus} />
              <span className="cell-note">{MAINTENANCE_STATUS_HINTS[license.maintenanceStatus]}</span>
            </span>,
          ],
          ['Yours since', license.assignedAt ? <DateTime key="assigned" value={license.assignedAt} dateOnly /> : '—'],
          [
            'Sold by',
            <span key="sold-by">
              {license.soldBy}
              <span className="cell-note">Your reseller: ask them for upgrades, add-ons and M&amp;S renewals.</span>
            </span>,
          ],
        ]}
      />
      <h3>Installations</h3>
      {installations}
    </section>
  );
}
