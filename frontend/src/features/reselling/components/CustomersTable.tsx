import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import type { TableSorting } from '../../../lib/usePagedList';
import { customerLicensesPath } from '../../licenses/filters';
import type { CustomerRow } from '../queries';
import { AssignLicenseCell } from './AssignLicenseCell';

const COLUMNS: readonly Column[] = [
  { label: 'Customer', sort: 'EMAIL' },
  { label: 'Name', sort: 'NAME' },
  'Licenses',
  'Products',
  'First assigned',
  'Last assigned',
];

/** The table's columns, sorting by email and name, with Actions for roles that may assign. */
export function customerColumns(canAssign: boolean): readonly Column[] {
  return canAssign ? [...COLUMNS, 'Actions'] : COLUMNS;
}

interface CustomersTableProps {
  caption: string;
  sorting?: TableSorting;
  customers: readonly CustomerRow[];
  /** Offer "Assign license" to each customer (for roles that may assign licenses). */
  canAssign: boolean;
  onAssign: (customer: CustomerRow) => void;
}

function Moment({ value }: { value: string | null | undefined }) {
  return value ? <DateTime value={value} dateOnly /> : <span className="muted">—</span>;
}

/** The customers licenses were assigned to (email and name): how many each has, of which products, and since when. */
export function CustomersTable({ caption, sorting, customers, canAssign, onAssign }: CustomersTableProps) {
  return (
    <DataTable
      caption={caption}
      className="compact-table reselling-table"
      columns={customerColumns(canAssign)}
      sorting={sorting}
    >
      {customers.map((customer) => (
        <tr key={customer.id}>
          <th scope="row">{customer.email}</th>
          <td>{customer.name || <span className="muted">—</span>}</td>
          <td className="nowrap">
            <Link to={customerLicensesPath(customer.id)}>
              {customer.licenseCount} {customer.licenseCount === 1 ? 'license' : 'licenses'}
              <span className="visually-hidden"> of {customer.email}</span>
            </Link>
          </td>
          <td>{customer.products.map((product) => product.name).join(', ')}</td>
          <td className="nowrap">
            <Moment value={customer.firstAssignedAt} />
          </td>
          <td className="nowrap">
            <Moment value={customer.lastAssignedAt} />
          </td>
          {canAssign && (
            <AssignLicenseCell
              subject={`to ${customer.email}`}
              onAssign={() => {
                onAssign(customer);
              }}
            />
          )}
        </tr>
      ))}
    </DataTable>
  );
}
