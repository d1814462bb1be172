import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { customerLicensesPath } from '../../licenses/filters';
import type { CustomerRow } from '../queries';
import { AssignLicenseCell } from './AssignLicenseCell';

const COLUMNS: readonly Column[] = ['Customer', 'Licenses', 'Products', 'First assigned', 'Last assigned'];

interface CustomersTableProps {
  customers: readonly CustomerRow[];
  /** Offer "Assign license" to each customer (for roles that may assign licenses). */
  canAssign: boolean;
  onAssign: (customer: CustomerRow) => void;
}

function Moment({ value }: { value: string | null | undefined }) {
  return value ? <DateTime value={value} dateOnly /> : <span className="muted">—</span>;
}

/** The customers licenses were assigned to (email and name): how many each has, of which products, and since when. */
export function CustomersTable({ customers, canAssign, onAssign }: CustomersTableProps) {
  return (
    <DataTable
      caption="Customers, by email"
      className="compact-table reselling-table"
      columns={canAssign ? [...COLUMNS, 'Actions'] : COLUMNS}
    >
      {customers.map((customer) => (
        <tr key={customer.id}>
          <th scope="row">
            {customer.email}
            {customer.name && <span className="cell-note">{customer.name}</span>}
          </th>
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
