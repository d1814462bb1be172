import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { formatMoney } from '../../../lib/money';
import { formatPeriod } from '../period';
import type { BillingPeriodRow } from '../queries';

const COLUMNS: readonly Column[] = [
  'Month',
  'Closed',
  'Closed by',
  { label: 'Summary invoices', className: 'price' },
  { label: 'Invoices summarized', className: 'price' },
  { label: 'Total', className: 'price' },
];

/** The closed months: when and by whom, how many summary invoices they made of how many invoices, and their total. */
export function BillingPeriodsTable({ periods }: { periods: readonly BillingPeriodRow[] }) {
  return (
    <DataTable caption="Closed months, newest first" className="compact-table" columns={COLUMNS}>
      {periods.map((period) => (
        <tr key={period.id}>
          <th scope="row" className="nowrap">
            {formatPeriod(period.period)}
          </th>
          <td className="nowrap">
            {period.closedAt ? <DateTime value={period.closedAt} /> : <span className="muted">—</span>}
          </td>
          <td>{period.closedBy}</td>
          <td className="price">{period.summaryCount}</td>
          <td className="price">{period.invoiceCount}</td>
          <td className="price">{formatMoney(period.total)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
