import { Link } from 'react-router';
import { Badge } from '../../../components/Badge';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { DELIVERY_STATUS, EVENT_TYPES } from '../labels';
import type { WebhookEndpointRow } from '../queries';

const COLUMNS: readonly Column[] = ['Endpoint', 'Events', 'Status', 'Last delivery', 'Created'];

interface WebhookEndpointsTableProps {
  endpoints: readonly WebhookEndpointRow[];
}

function plural(count: number, one: string, many: string): string {
  return `${String(count)} ${count === 1 ? one : many}`;
}

/**
 * The account's webhook endpoints: where each is, what it receives, whether it is on, and how
 * its deliveries are going.
 */
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
          <td>
            {endpoint.enabled ? <Badge tone="success">Enabled</Badge> : <Badge tone="neutral">Disabled</Badge>}
            {endpoint.deliveryCounts.failed > 0 && (
              <span className="cell-note">
                {plural(endpoint.deliveryCounts.failed, 'delivery', 'deliveries')} failed
              </span>
            )}
            {endpoint.deliveryCounts.pending > 0 && (
              <span className="cell-note">
                {plural(endpoint.deliveryCounts.pending, 'delivery', 'deliveries')} pending
              </span>
            )}
          </td>
          <td>
            {endpoint.lastDelivery ? (
              <>
                <Badge tone={DELIVERY_STATUS[endpoint.lastDelivery.status].tone}>
                  {DELIVERY_STATUS[endpoint.lastDelivery.status].label}
                </Badge>
                {endpoint.lastDelivery.lastStatusCode != null && (
                  <span className="cell-note">HTTP {endpoint.lastDelivery.lastStatusCode}</span>
                )}
                <span className="cell-note">
                  <DateTime value={endpoint.lastDelivery.createdAt} />
                </span>
              </>
            ) : (
              'None yet'
            )}
          </td>
          <td>
            <DateTime value={endpoint.createdAt} />
            {endpoint.createdBy && <span className="cell-note">by {endpoint.createdBy}</span>}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
