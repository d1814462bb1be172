import { Link } from 'react-router';
import { licensePath } from '../lib/paths';

/** A license's key, linking to the license's page. */
export function LicenseKeyLink({ licenseKey }: { licenseKey: string }) {
  return (
    <Link to={licensePath(licenseKey)}>
      <code>{licenseKey}</code>
    </Link>
  );
}
