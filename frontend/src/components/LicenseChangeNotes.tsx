import { Link } from 'react-router';
import { formatYears } from '../lib/labels';
import { licensePath } from '../lib/paths';
import { DateTime } from './DateTime';

interface Item {
  code: string;
  name: string;
}

/** A license as it was before or after a change: its edition, tier, add-ons, M&S expiry and revision. */
interface LicenseSnapshot {
  edition: Item;
  tier: Item;
  addons: readonly Item[];
  maintenanceExpiresAt: string;
  revision: number;
}

interface LicenseChangeNotesProps {
  /** The license an upgrade or M&S line changes. */
  license?: { key: string } | null;
  /** Years of M&S. */
  years?: number | null;
  /** What an order line changed of the license, once placed. */
  change?: { before: LicenseSnapshot; after: LicenseSnapshot } | null;
}

/**
 * Under a cart or order line that changes a license: the license, linking to it, the years of M&S,
 * and for an order placed what changed ("Professional, 250 mailboxes → Enterprise, 250 mailboxes").
 */
export function LicenseChangeNotes({ license, years, change }: LicenseChangeNotesProps) {
  return (
    <>
      {license && (
        <span className="cell-note">
          License <Link to={licensePath(license.key)}>{license.key}</Link>
        </span>
      )}
      {years ? <span className="cell-note">{formatYears(years)} of M&amp;S</span> : null}
      {change && <ChangeNotes before={change.before} after={change.after} />}
    </>
  );
}

/** One note for each part of the license that changed; nothing for a part that stayed. */
function ChangeNotes({ before, after }: { before: LicenseSnapshot; after: LicenseSnapshot }) {
  const added = after.addons.filter((addon) => !before.addons.some(({ code }) => code === addon.code));
  const dropped = before.addons.filter((addon) => !after.addons.some(({ code }) => code === addon.code));
  const addonChanges = [...added.map(({ name }) => `+ ${name}`), ...dropped.map(({ name }) => `− ${name}`)];
  return (
    <>
      {(before.edition.code !== after.edition.code || before.tier.code !== after.tier.code) && (
        <span className="cell-note">
          {before.edition.name}, {before.tier.name} → {after.edition.name}, {after.tier.name}
        </span>
      )}
      {addonChanges.length > 0 && <span className="cell-note">Add-ons: {addonChanges.join(', ')}</span>}
      {before.maintenanceExpiresAt !== after.maintenanceExpiresAt && (
        <span className="cell-note">
          M&amp;S until <DateTime value={before.maintenanceExpiresAt} dateOnly /> →{' '}
          <DateTime value={after.maintenanceExpiresAt} dateOnly />
        </span>
      )}
      {before.revision !== after.revision && (
        <span className="cell-note">
          Revision {before.revision} → {after.revision}
        </span>
      )}
    </>
  );
}
