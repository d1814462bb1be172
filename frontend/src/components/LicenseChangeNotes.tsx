import { Link } from 'react-router';
import { formatYears } from '../lib/labels';
import { licensePath } from '../lib/paths';

interface LicenseChangeNotesProps {
  /** The license an upgrade or M&S line changes. */
  license?: { key: string } | null;
  /** Years of M&S. */
  years?: number | null;
}

/** Under a cart or order line that changes a license: the license, linking to it, and the years of M&S. */
export function LicenseChangeNotes({ license, years }: LicenseChangeNotesProps) {
  return (
    <>
      {license && (
        <span className="cell-note">
          License <Link to={licensePath(license.key)}>{license.key}</Link>
        </span>
      )}
      {years ? <span className="cell-note">{formatYears(years)} of M&amp;S</span> : null}
    </>
  );
}
