import { Link } from 'react-router';
import { CopyButton } from '../../../components/CopyButton';
import { DateTime } from '../../../components/DateTime';
import { DetailsList } from '../../../components/DetailsList';
import { Dialog } from '../../../components/Dialog';
import { licensePath } from '../../../lib/paths';
import { Maintenance } from '../../licenses/components/LicenseBadges';
import type { ResaleLicense } from '../queries';

interface ProductDialogProps {
  /** The license shown; null while the dialog is closed. */
  license: ResaleLicense | null;
  /** Offer to assign it (for roles that may assign licenses). */
  canAssign: boolean;
  onAssign: (license: ResaleLicense) => void;
  onClose: () => void;
}

/** An unassigned license's product and details, with its key and a way to assign it. */
export function ProductDialog({ license, canAssign, onAssign, onClose }: ProductDialogProps) {
  return (
    <Dialog
      title={license ? `${license.product.name} ${license.edition.name}` : 'License'}
      open={license !== null}
      onClose={onClose}
    >
      {license && (
        <>
          <DetailsList
            details={[
              ['Product', license.product.name],
              ['Edition', license.edition.name],
              ['Tier', license.tier.name],
              ['Add-ons', license.addons.length > 0 ? license.addons.map((addon) => addon.name).join(', ') : 'None'],
              [
                'Maintenance & Support until',
                <Maintenance
                  key="maintenance"
                  expiresAt={license.maintenanceExpiresAt}
                  status={license.maintenanceStatus}
                />,
              ],
              [
                'License key',
                <span key="key" className="inline-controls">
                  <code>{license.key}</code>
                  <CopyButton text={license.key} label="Copy key" />
                </span>,
              ],
              ['Bought', <DateTime key="bought" value={license.createdAt} />],
            ]}
          />
          <p>
            Not assigned to a customer yet.{' '}
            {canAssign && 'Assign it to your customer’s email: they get an email with the key.'}
          </p>
          <div className="form-actions">
            {canAssign && (
              <button
                type="button"
                onClick={() => {
                  onAssign(license);
                }}
              >
                Assign license
              </button>
            )}
            <Link to={licensePath(license.key)} className="button-link">
              Open the license’s page
            </Link>
            <button type="button" className="button-secondary" onClick={onClose}>
              Close
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
