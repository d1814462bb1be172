import { Badge } from '../../../components/Badge';
import { DataTable, type Column } from '../../../components/DataTable';
import { DateTime } from '../../../components/DateTime';
import { DELIVERY_STATUS, EVENT_TYPES } from '../labels';
import type { WebhookDeliveryRow } from '../queries';

const COLUMNS: readonly Column[] = ['Event', 'Queued', 'Status', 'Last response', 'Actions'];

interface WebhookDeliveriesTableProps {
  deliveries: readonly WebhookDeliveryRow[];
  redeliveringId: string | null;
  onRedeliver: (delivery: WebhookDeliveryRow) => void;
}

/** An attempt's answer: its HTTP status, or that there was none. */
function response(statusCode: number | null | undefined): string {
  return statusCode == null ? 'no response' : `HTTP ${String(statusCode)}`;
}

/** What an error adds to the status it came with ("HTTP 500: down" adds "down"). */
function errorDetail(statusCode: number | null | undefined, error: string): string {
  const status = response(statusCode);
  return error.startsWith(status) ? error.slice(status.length).replace(/^: /, '') : error;
}

/** What the last attempt got: the HTTP status, or why there was none. */
function lastResponse(delivery: WebhookDeliveryRow) {
  if (delivery.attempts === 0 && delivery.attemptLog.length === 0) return 'Not sent yet';
  const detail = errorDetail(delivery.lastStatusCode, delivery.lastError);
  return (
    <>
      {delivery.lastStatusCode == null ? 'No response' : response(delivery.lastStatusCode)}
      {detail && <span className="cell-note">{detail}</span>}
    </>
  );
}

/**
 * An endpoint's delivery log, newest first: each event sent, where its delivery is, the last
 * answer, and (unfolded) every attempt and the exact body sent.
 */
export function WebhookDeliveriesTable({ deliveries, redeliveringId, onRedeliver }: WebhookDeliveriesTableProps) {
  return (
    <DataTable caption="Deliveries to the endpoint" columns={COLUMNS}>
      {deliveries.map((delivery) => {
        const status = DELIVERY_STATUS[delivery.status];
        const event = EVENT_TYPES[delivery.event.type];
        return (
          <tr key={delivery.id}>
            <th scope="row">
              <code>{event.name}</code>
              <span className="cell-note">{delivery.event.eventId}</span>
              <details className="delivery-details">
                <summary>Attempts and body</summary>
                {delivery.attemptLog.length === 0 ? (
                  <p>No attempt yet.</p>
                ) : (
                  <ol className="attempt-log" aria-label={`Attempts of ${delivery.event.eventId}`}>
                    {delivery.attemptLog.map((attempt, index) => (
                      <li key={`${attempt.at}-${String(index)}`}>
                        <DateTime value={attempt.at} />: {response(attempt.statusCode)}
                        {errorDetail(attempt.statusCode, attempt.error) &&
                          ` (${errorDetail(attempt.statusCode, attempt.error)})`}
                        , {attempt.durationMs} ms
                      </li>
                    ))}
                  </ol>
                )}
                <pre className="payload" aria-label={`Body of ${delivery.event.eventId}`}>
                  {delivery.event.payload}
                </pre>
              </details>
            </th>
            <td>
              <DateTime value={delivery.createdAt} />
            </td>
            <td>
              <Badge tone={status.tone}>{status.label}</Badge>
              <span className="cell-note">
                {delivery.attempts === 1 ? '1 attempt' : `${delivery.attempts} attempts`}
              </span>
              {delivery.nextAttemptAt && (
                <span className="cell-note">
                  next <DateTime value={delivery.nextAttemptAt} />
                </span>
              )}
              {delivery.deliveredAt && (
                <span className="cell-note">
                  at <DateTime value={delivery.deliveredAt} />
                </span>
              )}
            </td>
            <td>{lastResponse(delivery)}</td>
            <td>
              {delivery.status !== 'PENDING' && (
                <button
                  type="button"
                  className="button-secondary"
                  aria-label={`Redeliver ${delivery.event.eventId}`}
                  aria-disabled={redeliveringId === delivery.id}
                  onClick={() => {
                    if (redeliveringId !== delivery.id) onRedeliver(delivery);
                  }}
                >
                  {redeliveringId === delivery.id ? 'Redelivering…' : 'Redeliver'}
                </button>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
