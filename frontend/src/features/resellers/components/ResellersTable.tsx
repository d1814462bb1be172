import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { RESELLER_STATUS_LABELS } from '../../../lib/labels';
import { resellerPath } from '../../../lib/paths';
import type { ResellerRow } from '../queries';

const COLUMNS: readonly Column[] = [
  'Reseller',
  'Owner',
  { label: 'Discount', className: 'price' },
  'Monthly invoice',
  'Status',
  'Since',
];

interface ResellersTableProps {
  resellers: readonly ResellerRow[];
}

/** Reseller accounts with their terms, status and owner. */
export function ResellersTable({ resellers }: ResellersTableProps) {
  return (
    <DataTable caption="Reseller accounts" columns={COLUMNS}>
      {resellers.map((reseller) => (
        <tr key={reseller.id}>
          <th scope="row">
            <Link to={resellerPath(reseller.id)}>{reseller.name}</Link>
            <span className="cell-note">Billing: {reseller.billingEmail || '—'}</span>
          </th>
          <td>{reseller.ownerEmail ?? <span className="muted">No owner</span>}</td>
          <td className="price">{reseller.discountPercent}%</td>
          <td>{reseller.mayPayByInvoice ? 'Allowed' : 'Not allowed'}</td>
          <td>
            <span className={`badge badge--${reseller.status.toLowerCase()}`}>
              {RESELLER_STATUS_LABELS[reseller.status]}
            </span>
          </td>
          <td>
            <DateTime value={reseller.createdAt} dateOnly />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
