import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { FormErrors } from '../../../components/form/FormErrors';
import { NotFoundPage } from '../../../components/NotFoundPage';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { QueryContent } from '../../../components/QueryContent';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { UpdateResellerMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { ResellerSummary } from '../components/ResellerSummary';
import { ResellerTermsForm } from '../components/ResellerTermsForm';
import { resellerQuery, updateResellerMutation, type ResellerDetails } from '../queries';

const payloadOf = (data: UpdateResellerMutation) => data.updateReseller;

/** One reseller: its details, its terms and suspending or reactivating it. */
export default function ResellerView() {
  const { resellerId = '' } = useParams();
  const query = useRetryableQuery({
    query: resellerQuery,
    variables: { id: resellerId },
  });
  return (
    <QueryContent query={query} what="the reseller">
      {({ node }) => (node?.__typename === 'Reseller' ? <Reseller reseller={node} /> : <NotFoundPage />)}
    </QueryContent>
  );
}

function Reseller({ reseller }: { reseller: ResellerDetails }) {
  const terms = useFormMutation(updateResellerMutation, payloadOf);
  const status = useFormMutation(updateResellerMutation, payloadOf);
  const [message, setMessage] = useState<string | null>(null);
  const active = reseller.status === 'ACTIVE';

  function setStatus(next: 'ACTIVE' | 'SUSPENDED') {
    setMessage(null);
    void status.submit({ input: { resellerId: reseller.id, status: next } }).then((payload) => {
      if (payload) {
        setMessage(next === 'ACTIVE' ? `${reseller.name} was reactivated.` : `${reseller.name} was suspended.`);
      }
    });
  }

  return (
    <Page title={reseller.name}>
      <p>
        <Link to="/resellers">Back to resellers</Link>
      </p>
      <SuccessMessage message={message} />
      <ResellerSummary reseller={reseller} />
      <Panel title="Terms">
        <ResellerTermsForm
          initial={{ discountPercent: reseller.discountPercent, mayPayByInvoice: reseller.mayPayByInvoice }}
          errors={terms.errors}
          submitting={terms.submitting}
          onSubmit={(values) => {
            setMessage(null);
            void terms.submit({ input: { resellerId: reseller.id, ...values } }).then((payload) => {
              if (payload) setMessage(`The terms of ${reseller.name} were saved.`);
            });
          }}
        />
      </Panel>
      <Panel title="Status">
        <FormErrors errors={status.errors} shownFields={[]} />
        {active ? (
          <>
            <p>Suspending the account stops its people from signing in and its API keys from working.</p>
            <ConfirmAction
              label="Suspend"
              subject={reseller.name}
              question={
                `Suspend ${reseller.name}? Its people cannot sign in and its API keys stop ` +
                'working until it is reactivated.'
              }
              confirmLabel="Yes, suspend"
              busy={status.submitting}
              onConfirm={() => {
                setStatus('SUSPENDED');
              }}
            />
          </>
        ) : (
          <>
            <p>The account is suspended: its people cannot sign in and its API keys do not work.</p>
            <button
              type="button"
              aria-disabled={status.submitting}
              onClick={() => {
                if (!status.submitting) setStatus('ACTIVE');
              }}
            >
              {status.submitting ? 'Reactivating…' : `Reactivate ${reseller.name}`}
            </button>
          </>
        )}
      </Panel>
    </Page>
  );
}
