import { useState } from 'react';
import { FormErrors } from '../../../components/form/FormErrors';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { QueryContent } from '../../../components/QueryContent';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { MailingListCode, SetMailingListSubscriptionMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { MailingListCard } from '../components/MailingListCard';
import { subscriptionKey, SubscriptionMatrix } from '../components/SubscriptionMatrix';
import { mailingListsQuery, setSubscriptionMutation } from '../queries';

const payloadOf = (data: SetMailingListSubscriptionMutation) => data.setMailingListSubscription;
const INVALIDATES_LISTS = ['MailingList'];

/** Mailing lists: the viewer's own subscriptions, and for owners everyone's. */
export default function MailingListsView() {
  const viewer = useViewer();
  const isOwner = hasPermission(viewer, 'ACCOUNT_MANAGE');
  const query = useRetryableQuery({
    query: mailingListsQuery,
    variables: { withPeople: isOwner },
  });
  const saving = useFormMutation(setSubscriptionMutation, payloadOf, { invalidates: INVALIDATES_LISTS });
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  function setSubscription(list: MailingListCode, subscribed: boolean, person?: { id: string; name: string }) {
    const name = query.data?.mailingLists.find((each) => each.code === list)?.name ?? list;
    setMessage(null);
    setBusyKey(subscriptionKey(person?.id ?? 'me', list));
    void saving
      .submit({ input: { mailingList: list, subscribed, employeeId: person?.id ?? null } })
      .then((payload) => {
        setBusyKey(null);
        if (!payload) return;
        const who = person ? person.name : 'You';
        setMessage(`${who} ${subscribed ? 'will now receive' : 'will no longer receive'} ${name}.`);
      });
  }

  return (
    <Page title="Mailing lists">
      <p className="lead">The vendor’s mailing lists and who at your company receives them.</p>
      <SuccessMessage message={message} />
      <FormErrors errors={saving.errors} shownFields={[]} />
      <QueryContent query={query} what="mailing lists">
        {({ mailingLists, employees }) => (
          <>
            <ul className="card-list">
              {mailingLists.map((list) => (
                <MailingListCard
                  key={list.code}
                  list={list}
                  canSubscribe={viewer.employee !== null && viewer.employee !== undefined}
                  busy={busyKey === subscriptionKey('me', list.code)}
                  onToggle={(subscribed) => {
                    setSubscription(list.code, subscribed);
                  }}
                />
              ))}
            </ul>
            {isOwner && employees && (
              <Panel title="Everyone’s subscriptions">
                <p>As the account owner you choose the lists of everyone, contacts without login included.</p>
                <SubscriptionMatrix
                  lists={mailingLists}
                  people={employees.edges.map((edge) => edge.node)}
                  busyKey={busyKey}
                  onChange={(person, list, subscribed) => {
                    setSubscription(list, subscribed, person);
                  }}
                />
                {employees.pageInfo.hasNextPage && (
                  <p className="muted">Showing the first 100 people, by name.</p>
                )}
              </Panel>
            )}
          </>
        )}
      </QueryContent>
    </Page>
  );
}
