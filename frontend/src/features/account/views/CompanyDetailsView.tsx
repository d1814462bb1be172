import { useState } from 'react';
import { Page } from '../../../components/Page';
import { QueryContent } from '../../../components/QueryContent';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { UpdateAccountMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useRetryableQuery } from '../../../lib/useRetryableQuery';
import { hasPermission } from '../../../session/access';
import { useViewer } from '../../../session/ViewerContext';
import { AccountTerms } from '../components/AccountTerms';
import { CompanyDetailsForm } from '../components/CompanyDetailsForm';
import { CompanyDetailsSummary } from '../components/CompanyDetailsSummary';
import { companyDetailsQuery, updateAccountMutation } from '../queries';

const payloadOf = (data: UpdateAccountMutation) => data.updateAccount;

/** Company details: contact information and notification choices; read-only without ACCOUNT_MANAGE. */
export default function CompanyDetailsView() {
  const canManage = hasPermission(useViewer(), 'ACCOUNT_MANAGE');
  const query = useRetryableQuery({ query: companyDetailsQuery });
  const { submit, submitting, errors } = useFormMutation(updateAccountMutation, payloadOf);
  const [saved, setSaved] = useState<string | null>(null);

  return (
    <Page title="Company details">
      <p className="lead">
        {canManage
          ? 'Your company’s contact information, where invoices go, and which emails the billing address receives.'
          : 'Your company’s contact information. Only the account owner can change it.'}
      </p>
      <QueryContent query={query} what="company details">
        {({ viewer }) => {
          const account = viewer?.reseller;
          if (!account) return <p>You do not belong to a reseller account.</p>;
          return (
            <>
              <SuccessMessage message={saved} />
              {canManage ? (
                <CompanyDetailsForm
                  key={account.id}
                  account={account}
                  errors={errors}
                  submitting={submitting}
                  onSubmit={(input) => {
                    setSaved(null);
                    void submit({ input }).then((payload) => {
                      if (payload) setSaved('Company details saved.');
                    });
                  }}
                />
              ) : (
                <CompanyDetailsSummary account={account} />
              )}
              <AccountTerms account={account} />
            </>
          );
        }}
      </QueryContent>
    </Page>
  );
}
