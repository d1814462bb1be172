import { LicenseKeyLink } from '../../../components/LicenseKeyLink';
import type { OrderDetails } from '../queries';

/** The license keys an order issued, each linking to its license. */
export function IssuedLicenses({ licenses }: { licenses: OrderDetails['licenses'] }) {
  if (licenses.length === 0) {
    return <p>This order issued no new licenses.</p>;
  }
  return (
    <ul>
      {licenses.map((license) => (
        <li key={license.id}>
          <LicenseKeyLink licenseKey={license.key} />
          <span className="cell-note">
            {license.product.name} {license.edition.name}, {license.tier.name}
          </span>
        </li>
      ))}
    </ul>
  );
}
