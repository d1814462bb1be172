import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { RESELLER_STATUS_LABELS } from '../../../lib/labels';
import { resellerPath } from '../../../lib/paths';
import type { TableSorting } from '../../../lib/usePagedList';
import type { ResellerRow } from '../queries';

/** The table's columns, sorting by name, discount and since when. */
export const RESELLER_COLUMNS: readonly Column[] = [
  { label: 'Reseller', sort: 'NAME' },
  'Owner',
  { label: 'Discount', className: 'price', sort: 'DISCOUNT' },
  'Monthly invoice',
  'Status',
  { label: 'Since', sort: 'CREATED_AT' },
];

interface ResellersTableProps {
  caption: string;
  resellers: readonly ResellerRow[];
  sorting?: TableSorting;
}

/** Reseller accounts with their terms, status and owner. */
export function ResellersTable({ caption, resellers, sorting }: ResellersTableProps) {
  return (
    <DataTable caption={caption} columns={RESELLER_COLUMNS} sorting={sorting}>
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
