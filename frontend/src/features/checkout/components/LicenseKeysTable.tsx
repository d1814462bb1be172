import { useState } from 'react';
import { CopyButton } from '../../../components/CopyButton';
import { DataTable } from '../../../components/DataTable';
import type { ConfirmationLicense } from '../queries';

interface LicenseKeysTableProps {
  licenses: readonly ConfirmationLicense[];
}

/** The keys of the licenses an order issued, each ready to copy, and all of them at once. */
export function LicenseKeysTable({ licenses }: LicenseKeysTableProps) {
  const [status, setStatus] = useState('');
  const report = (what: string) => (copied: boolean) => {
    setStatus(copied ? `${what} copied to the clipboard.` : 'Copying failed: select the key and copy it yourself.');
  };
  return (
    <>
      <DataTable caption="New license keys" columns={['License key', 'Product', 'Add-ons', 'Status', 'Copy']}>
        {licenses.map((license) => (
          <tr key={license.id}>
            <th scope="row">
              <code className="license-key">{license.key}</code>
            </th>
            <td>
              {license.product.name} {license.edition.name}, {license.tier.name}
            </td>
            <td>{license.addons.length > 0 ? license.addons.map((addon) => addon.name).join(', ') : 'None'}</td>
            <td>{statusOf(license)}</td>
            <td>
              <CopyButton text={license.key} subject={license.key} onCopied={report(`The key ${license.key} was`)} />
            </td>
          </tr>
        ))}
      </DataTable>
      {licenses.length > 1 && (
        <p>
          <CopyButton
            text={licenses.map((license) => license.key).join('\n')}
            label="Copy all keys"
            onCopied={report(`All ${licenses.length} keys were`)}
          />
        </p>
      )}
      <p role="status" className="status">
        {status}
      </p>
    </>
  );
}

function statusOf(license: ConfirmationLicense): string {
  if (license.personal) return 'For your own use';
  return license.status === 'ASSIGNED' ? 'Assigned' : 'Unassigned';
}
