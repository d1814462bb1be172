import { useState } from 'react';
import { useLocation } from 'react-router';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { DisclosurePanel } from '../../../components/DisclosurePanel';
import { CancelButton } from '../../../components/form/CancelButton';
import { NewSecretPanel } from '../../../components/NewSecretPanel';
import { Page } from '../../../components/Page';
import { SuccessMessage } from '../../../components/SuccessMessage';
import { useDisclosure } from '../../../components/useDisclosure';
import type { CreateWebhookEndpointMutation } from '../../../gql/graphql';
import { flashMessageOf } from '../../../lib/flash';
import { useConnection } from '../../../lib/useConnection';
import { useFormMutation } from '../../../lib/useFormMutation';
import { SignatureHelp } from '../components/SignatureHelp';
import { NEW_ENDPOINT, WebhookEndpointForm } from '../components/WebhookEndpointForm';
import { WebhookEndpointsTable } from '../components/WebhookEndpointsTable';
import { createWebhookEndpointMutation, webhookEndpointsQuery } from '../queries';

const createPayloadOf = (data: CreateWebhookEndpointMutation) => data.createWebhookEndpoint;
const NO_FILTER = {};

interface NewSecret {
  url: string;
  secret: string;
}

/** Webhooks: the account's endpoints, and adding one (its signing secret shown once). */
export default function WebhooksView() {
  const endpoints = useConnection(webhookEndpointsQuery, NO_FILTER, (data) => data.webhookEndpoints);
  const creating = useFormMutation(createWebhookEndpointMutation, createPayloadOf);
  const [newSecret, setNewSecret] = useState<NewSecret | null>(null);
  const creatingPanel = useDisclosure(creating.clearErrors);
  const location = useLocation();
  const [message] = useState<string | null>(() => flashMessageOf(location.state));

  return (
    <Page title="Webhooks">
      <p className="lead">
        The portal tells your own systems when something happens in the account: it POSTs a signed JSON event to each
        endpoint that asked for it, and retries for a day when an endpoint does not answer. Open an endpoint to see what
        was sent, send a test, or send a delivery again.
      </p>
      <SuccessMessage message={message} />
      <DisclosurePanel label="Add an endpoint" open={creatingPanel.open} onOpenChange={creatingPanel.setOpen}>
        <WebhookEndpointForm
          label="Add an endpoint"
          submitLabel="Add endpoint"
          busyLabel="Adding…"
          initial={NEW_ENDPOINT}
          errors={creating.errors}
          submitting={creating.submitting}
          actions={<CancelButton onCancel={creatingPanel.close} />}
          onSubmit={(input) => {
            setNewSecret(null);
            void creating.submit({ input }).then((payload) => {
              if (payload?.endpoint && payload.secret) {
                setNewSecret({
                  url: payload.endpoint.url,
                  secret: payload.secret,
                });
                creatingPanel.close();
                endpoints.reset();
              }
            });
          }}
        />
      </DisclosurePanel>
      {newSecret && (
        <NewSecretPanel
          keyName={newSecret.url}
          secret={newSecret.secret}
          usage={<SignatureHelp />}
          lost="If it is lost, roll the endpoint’s secret to get a new one."
          onDone={() => {
            setNewSecret(null);
          }}
        />
      )}
      <ConnectionContent
        connection={endpoints}
        what="webhook endpoints"
        empty={<p>There are no webhook endpoints yet.</p>}
      >
        {(nodes) => <WebhookEndpointsTable endpoints={nodes} />}
      </ConnectionContent>
    </Page>
  );
}
