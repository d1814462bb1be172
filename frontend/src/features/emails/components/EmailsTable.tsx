import { Link } from 'react-router';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import type { EmailRow } from '../queries';
import { EmailStatusBadge } from './EmailStatusBadge';

const COLUMNS: readonly Column[] = [
  'Queued',
  'To',
  'Subject',
  'Status',
  { label: 'Attempts', className: 'price' },
  'Last error',
];

interface EmailsTableProps {
  emails: readonly EmailRow[];
}

/** Recent messages with their delivery status; each subject opens the message. */
export function EmailsTable({ emails }: EmailsTableProps) {
  return (
    <DataTable caption="Email, newest first" columns={COLUMNS}>
      {emails.map((email) => (
        <tr key={email.id}>
          <td className="nowrap">
            <DateTime value={email.createdAt} />
          </td>
          <td>{email.to.join(', ')}</td>
          <th scope="row">
            <Link to={`/emails/${encodeURIComponent(email.id)}`}>{email.subject}</Link>
            <span className="cell-note">{email.template}</span>
          </th>
          <td>
            <EmailStatusBadge status={email.status} />
          </td>
          <td className="price">{email.attempts}</td>
          <td>{email.lastError || <span className="muted">—</span>}</td>
        </tr>
      ))}
    </DataTable>
  );
}
