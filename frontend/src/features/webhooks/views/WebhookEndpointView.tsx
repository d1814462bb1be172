import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Badge } from '../../../components/Badge';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { DateTime } from '../../../components/DateTime';
import { DetailsList } from '../../../components/DetailsList';
import { FormErrors } from '../../../components/form/FormErrors';
import { SelectField } from '../../../components/form/SelectField';
import { NewSecretPanel } from '../../../components/NewSecretPanel';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { QueryContent } from '../../../components/QueryContent';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type {
  DeleteWebhookEndpointMutation,
  RedeliverWebhookDeliveryMutation,
  RollWebhookSecretMutation,
  SendTestWebhookMutation,
  UpdateWebhookEndpointMutation,
  WebhookDeliveryStatus,
} from '../../../gql/graphql';
import { flash } from '../../../lib/flash';
import { useConnection } from '../../../lib/useConnection';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { SignatureHelp } from '../components/SignatureHelp';
import { WebhookDeliveriesTable } from '../components/WebhookDeliveriesTable';
import { WebhookEndpointForm } from '../components/WebhookEndpointForm';
import { DELIVERY_STATUS, EVENT_TYPES } from '../labels';
import {
  deleteWebhookEndpointMutation,
  redeliverWebhookDeliveryMutation,
  rollWebhookSecretMutation,
  sendTestWebhookMutation,
  updateWebhookEndpointMutation,
  webhookDeliveriesQuery,
  webhookEndpointQuery,
  type WebhookDeliveryRow,
  type WebhookEndpointDetails,
} from '../queries';

const WEBHOOKS = '/account/webhooks';
const updatePayloadOf = (data: UpdateWebhookEndpointMutation) => data.updateWebhookEndpoint;
const deletePayloadOf = (data: DeleteWebhookEndpointMutation) => data.deleteWebhookEndpoint;
const rollPayloadOf = (data: RollWebhookSecretMutation) => data.rollWebhookSecret;
const testPayloadOf = (data: SendTestWebhookMutation) => data.sendTestWebhook;
const redeliverPayloadOf = (data: RedeliverWebhookDeliveryMutation) => data.redeliverWebhookDelivery;
const NO_DELIVERIES = {
  edges: [],
  pageInfo: { hasNextPage: false, endCursor: null },
};

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  ...(Object.keys(DELIVERY_STATUS) as WebhookDeliveryStatus[]).map((status) => ({
    value: status,
    label: DELIVERY_STATUS[status].label,
  })),
];

function statusFilter(value: string): WebhookDeliveryStatus | null {
  return (Object.keys(DELIVERY_STATUS) as WebhookDeliveryStatus[]).find((status) => status === value) ?? null;
}

/** One webhook endpoint: its settings, its delivery log, tests, redeliveries and its secret. */
export default function WebhookEndpointView() {
  const { endpointId = '' } = useParams();
  const query = useRetryableQuery({
    query: webhookEndpointQuery,
    variables: { id: endpointId },
  });
  return (
    <QueryContent query={query} what="the webhook endpoint">
      {({ webhookEndpoint }) =>
        webhookEndpoint ? <WebhookEndpoint key={webhookEndpoint.id} endpoint={webhookEndpoint} /> : <NotFoundPage />
      }
    </QueryContent>
  );
}

function WebhookEndpoint({ endpoint }: { endpoint: WebhookEndpointDetails }) {
  const navigate = useNavigate();
  const updating = useFormMutation(updateWebhookEndpointMutation, updatePayloadOf);
  const switching = useFormMutation(updateWebhookEndpointMutation, updatePayloadOf);
  const deleting = useFormMutation(deleteWebhookEndpointMutation, deletePayloadOf);
  const rolling = useFormMutation(rollWebhookSecretMutation, rollPayloadOf);
  const testing = useFormMutation(sendTestWebhookMutation, testPayloadOf);
  const redelivering = useFormMutation(redeliverWebhookDeliveryMutation, redeliverPayloadOf);
  const [message, setMessage] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [redeliveringId, setRedeliveringId] = useState<string | null>(null);
  const [status, setStatus] = useState<WebhookDeliveryStatus | null>(null);
  const deliveries = useConnection(
    webhookDeliveriesQuery,
    { id: endpoint.id, status },
    (data) => data.webhookEndpoint?.deliveries ?? NO_DELIVERIES,
  );

  function sendTest() {
    setMessage(null);
    void testing.submit({ input: { endpointId: endpoint.id } }).then((payload) => {
      if (payload) {
        setMessage('A webhook.test event is on its way: it shows below, and Refresh shows how it went.');
        deliveries.reset();
      }
    });
  }

  function setEnabled(enabled: boolean) {
    setMessage(null);
    void switching.submit({ input: { endpointId: endpoint.id, enabled } }).then((payload) => {
      if (payload) {
        setMessage(
          enabled
            ? 'The endpoint is enabled: new events and the deliveries that waited are sent.'
            : 'The endpoint is disabled: it gets no new events, and queued deliveries wait.',
        );
      }
    });
  }

  function redeliver(delivery: WebhookDeliveryRow) {
    setMessage(null);
    setRedeliveringId(delivery.id);
    void redelivering.submit({ input: { deliveryId: delivery.id } }).then((payload) => {
      setRedeliveringId(null);
      if (payload) {
        setMessage(`${delivery.event.eventId} is queued to be sent again.`);
        deliveries.reset();
      }
    });
  }

  return (
    <Page title="Webhook endpoint">
      <p>
        <Link to={WEBHOOKS}>Back to webhooks</Link>
      </p>
      <SuccessMessage message={message} />
      <FormErrors errors={testing.errors} shownFields={[]} />
      <FormErrors errors={switching.errors} shownFields={[]} />
      <FormErrors errors={redelivering.errors} shownFields={[]} />
      <DetailsList
        details={[
          ['URL', <code key="url">{endpoint.url}</code>],
          ['Description', endpoint.description || '—'],
          ['Events', endpoint.events.map((event) => EVENT_TYPES[event].name).join(', ')],
          [
            'Status',
            endpoint.enabled ? (
              <Badge tone="success">Enabled</Badge>
            ) : (
              <>
                <Badge tone="neutral">Disabled</Badge>
                {endpoint.disabledAt && (
                  <>
                    {' '}
                    since <DateTime value={endpoint.disabledAt} />
                  </>
                )}
              </>
            ),
          ],
          [
            'Created',
            <>
              <DateTime value={endpoint.createdAt} />
              {endpoint.createdBy && ` by ${endpoint.createdBy}`}
            </>,
          ],
        ]}
      />
      <div className="inline-controls">
        <button type="button" aria-disabled={testing.submitting} onClick={testing.submitting ? undefined : sendTest}>
          {testing.submitting ? 'Sending…' : 'Send a test event'}
        </button>
        <button
          type="button"
          className="button-secondary"
          aria-disabled={switching.submitting}
          onClick={() => {
            if (!switching.submitting) setEnabled(!endpoint.enabled);
          }}
        >
          {endpoint.enabled ? 'Disable' : 'Enable'}
        </button>
      </div>
      {secret && (
        <NewSecretPanel
          keyName={endpoint.url}
          secret={secret}
          usage={
            <>
              <SignatureHelp /> For 24 hours deliveries carry a signature made with the old secret as well, so your
              receiver can switch without losing any.
            </>
          }
          lost="If it is lost, roll the secret again."
          onDone={() => {
            setSecret(null);
          }}
        />
      )}
      <Panel title="Deliveries">
        <div className="inline-controls">
          <SelectField
            label="Status"
            value={status ?? ''}
            options={STATUS_OPTIONS}
            onChange={(value) => {
              setStatus(statusFilter(value));
            }}
          />
          <button type="button" className="button-secondary" onClick={deliveries.reset}>
            Refresh
          </button>
        </div>
        <ConnectionContent
          connection={deliveries}
          what="deliveries"
          empty={<p>{status ? 'No delivery has this status.' : 'Nothing was sent to this endpoint yet.'}</p>}
        >
          {(nodes) => (
            <WebhookDeliveriesTable deliveries={nodes} redeliveringId={redeliveringId} onRedeliver={redeliver} />
          )}
        </ConnectionContent>
      </Panel>
      <Panel title="Settings">
        <WebhookEndpointForm
          label="Endpoint settings"
          submitLabel="Save changes"
          busyLabel="Saving…"
          initial={{
            url: endpoint.url,
            description: endpoint.description,
            events: [...endpoint.events],
          }}
          errors={updating.errors}
          submitting={updating.submitting}
          onSubmit={(values) => {
            setMessage(null);
            void updating.submit({ input: { endpointId: endpoint.id, ...values } }).then((payload) => {
              if (payload) setMessage('The endpoint’s settings were saved.');
            });
          }}
        />
      </Panel>
      <Panel title="Signing secret">
        <p>
          Rolling makes a new secret and shows it once. Deliveries are signed with both secrets for 24 hours, then with
          the new one only.
        </p>
        <FormErrors errors={rolling.errors} shownFields={[]} />
        <ConfirmAction
          label="Roll secret"
          subject={endpoint.url}
          question="Make a new signing secret? The old one keeps working for 24 hours."
          confirmLabel="Yes, roll"
          busy={rolling.submitting}
          onConfirm={() => {
            setMessage(null);
            void rolling.submit({ input: { endpointId: endpoint.id } }).then((payload) => {
              if (payload?.secret) setSecret(payload.secret);
            });
          }}
        />
      </Panel>
      <Panel title="Delete this endpoint">
        <p>Deleting the endpoint stops its deliveries at once and removes its delivery log.</p>
        <FormErrors errors={deleting.errors} shownFields={[]} />
        <ConfirmAction
          label="Delete"
          subject={endpoint.url}
          question={`Delete ${endpoint.url}? This cannot be undone.`}
          confirmLabel="Yes, delete"
          busy={deleting.submitting}
          onConfirm={() => {
            void deleting.submit({ input: { endpointId: endpoint.id } }).then(async (payload) => {
              if (payload)
                await navigate(WEBHOOKS, {
                  state: flash(`${endpoint.url} was deleted.`),
                });
            });
          }}
        />
      </Panel>
    </Page>
  );
}
