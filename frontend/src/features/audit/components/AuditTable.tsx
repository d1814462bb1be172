import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import type { AuditEvent } from '../queries';
import { ChangeList } from './ChangeList';

const COLUMNS: readonly Column[] = ['Time', 'Actor', 'Action', 'Target', 'Changes'];
const COLUMNS_WITH_ACCOUNT: readonly Column[] = ['Time', 'Actor', 'Action', 'Target', 'Account', 'Changes'];

interface AuditTableProps {
  events: readonly AuditEvent[];
  /** Show which reseller each event concerns (the vendor sees every account's). */
  showAccount: boolean;
}

/** Audited changes, newest first: when, who, what, and the values that changed. */
export function AuditTable({ events, showAccount }: AuditTableProps) {
  return (
    <DataTable
      caption="Audit events, newest first"
      className="compact-table"
      columns={showAccount ? COLUMNS_WITH_ACCOUNT : COLUMNS}
    >
      {events.map((event) => (
        <tr key={event.id}>
          <td>
            <DateTime value={event.occurredAt} />
          </td>
          <td>
            {event.actor}
            <span className="cell-note">from {event.ipAddress}</span>
          </td>
          <td>
            <code>{event.action}</code>
          </td>
          <td>
            {event.targetLabel}
            <span className="cell-note">{event.targetType}</span>
          </td>
          {showAccount && <td>{event.reseller?.name ?? <span className="muted">Vendor</span>}</td>}
          <td>
            <ChangeList changes={event.changes} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
