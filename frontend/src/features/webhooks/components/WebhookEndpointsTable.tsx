import { Link } from 'react-router';
import { Badge } from '../../../components/Badge';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { EVENT_TYPES } from '../labels';
import type { WebhookEndpointRow } from '../queries';

const COLUMNS: readonly Column[] = ['Endpoint', 'Events', 'Status', 'Created'];

interface WebhookEndpointsTableProps {
  endpoints: readonly WebhookEndpointRow[];
}

/** The account's webhook endpoints: where each is, what it receives, whether it is on. */
export function WebhookEndpointsTable({ endpoints }: WebhookEndpointsTableProps) {
  return (
    <DataTable caption="Webhook endpoints of the account" columns={COLUMNS}>
      {endpoints.map((endpoint) => (
        <tr key={endpoint.id}>
          <th scope="row">
            <Link to={`/account/webhooks/${encodeURIComponent(endpoint.id)}`}>{endpoint.url}</Link>
            {endpoint.description && <span className="cell-note">{endpoint.description}</span>}
          </th>
          <td>
            <ul className="plain-list">
              {endpoint.events.map((event) => (
                <li key={event}>
                  <code>{EVENT_TYPES[event].name}</code>
                </li>
              ))}
            </ul>
          </td>
          <td>{endpoint.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}</td>
          <td>
            <DateTime value={endpoint.createdAt} />
            {endpoint.createdBy && <span className="cell-note">by {endpoint.createdBy}</span>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
