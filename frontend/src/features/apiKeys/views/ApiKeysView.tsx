import { useState } from 'react';
import { DisclosurePanel } from '../../../components/DisclosurePanel';
import { CancelButton } from '../../../components/form/CancelButton';
import { FormErrors } from '../../../components/form/FormErrors';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { NewSecretPanel } from '../../../components/NewSecretPanel';
import { Page } from '../../../components/Page';
import { SuccessMessage } from '../../../components/SuccessMessage';
import { useDisclosure } from '../../../components/useDisclosure';
import type { CreateApiKeyMutation, RevokeApiKeyMutation } from '../../../gql/graphql';
import { useConnection } from '../../../lib/useConnection';
import { useFormMutation } from '../../../lib/useFormMutation';
import { ApiKeysTable } from '../components/ApiKeysTable';
import { CreateApiKeyForm } from '../components/CreateApiKeyForm';
import { apiKeysQuery, createApiKeyMutation, revokeApiKeyMutation, type ApiKey } from '../queries';

const createPayloadOf = (data: CreateApiKeyMutation) => data.createApiKey;
const revokePayloadOf = (data: RevokeApiKeyMutation) => data.revokeApiKey;
const NO_FILTER = {};

interface NewSecret {
  keyName: string;
  secret: string;
}

/** API keys: the list, creating one (its secret shown once) and revoking one. */
export default function ApiKeysView() {
  const apiKeys = useConnection(apiKeysQuery, NO_FILTER, (data) => data.apiKeys);
  const creating = useFormMutation(createApiKeyMutation, createPayloadOf);
  const revoking = useFormMutation(revokeApiKeyMutation, revokePayloadOf);
  const [newSecret, setNewSecret] = useState<NewSecret | null>(null);
  const [revokingId, setRevokingId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const creatingPanel = useDisclosure(creating.clearErrors);

  function revoke(apiKey: ApiKey) {
    setMessage(null);
    setRevokingId(apiKey.id);
    void revoking.submit({ input: { apiKeyId: apiKey.id } }).then((payload) => {
      setRevokingId(null);
      if (payload) setMessage(`${apiKey.name} was revoked: it no longer works.`);
    });
  }

  return (
    <Page title="API keys">
      <p className="lead">
        Keys let your own systems, such as your web shop, use the Partner Portal API. Each key acts
        with the role it was created with, for your account only.
      </p>
      <SuccessMessage message={message} />
      <FormErrors errors={revoking.errors} shownFields={[]} />
      <DisclosurePanel label="Create an API key" open={creatingPanel.open} onOpenChange={creatingPanel.setOpen}>
        <CreateApiKeyForm
          errors={creating.errors}
          submitting={creating.submitting}
          actions={<CancelButton onCancel={creatingPanel.close} />}
          onSubmit={(input) => {
            setMessage(null);
            setNewSecret(null);
            void creating.submit({ input }).then((payload) => {
              if (payload?.apiKey && payload.secret) {
                setNewSecret({ keyName: payload.apiKey.name, secret: payload.secret });
                creatingPanel.close();
                apiKeys.reset();
              }
            });
          }}
        />
      </DisclosurePanel>
      {newSecret && (
        <NewSecretPanel
          keyName={newSecret.keyName}
          secret={newSecret.secret}
          usage={
            <>
              Send it as <code>Authorization: Bearer &lt;secret&gt;</code> with each request to the API.
            </>
          }
          lost="If it is lost, revoke the key and create a new one."
          onDone={() => {
            setNewSecret(null);
          }}
        />
      )}
      <ConnectionContent connection={apiKeys} what="API keys" empty={<p>There are no API keys yet.</p>}>
        {(nodes) => <ApiKeysTable apiKeys={nodes} revokingId={revokingId} onRevoke={revoke} />}
      </ConnectionContent>
    </Page>
  );
}
