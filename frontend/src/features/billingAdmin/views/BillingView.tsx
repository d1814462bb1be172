import { useCallback, useState } from 'react';
import { ConnectionContent } from '../../../components/ConnectionContent';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { Page } from '../../../components/Page';
import { Panel } from '../../../components/Panel';
import { SuccessMessage } from '../../../components/SuccessMessage';
import type { CloseBillingPeriodMutation } from '../../../gql/graphql';
import { useConnection } from '../../../lib/useConnection';
import { useFormMutation } from '../../../lib/useFormMutation';
import { BillingPeriodsTable } from '../components/BillingPeriodsTable';
import { CloseMonthDialog } from '../components/CloseMonthDialog';
import { ClosePeriodForm } from '../components/ClosePeriodForm';
import { closeResult, isPeriod, previousMonth } from '../period';
import { billingPeriodsQuery, closeBillingPeriodMutation } from '../queries';

const payloadOf = (data: CloseBillingPeriodMutation) => data.closeBillingPeriod;
/** Closing a month makes summary invoices, which the invoices pages list. */
const INVALIDATES = ['BillingPeriod', 'Invoice'];
const NO_FILTER = {};

/**
 * Billing (the vendor's billing team): closing a month into each reseller's
 * summary invoice, and the months closed so far. Payments received by bank
 * transfer are recorded on an invoice's page.
 */
export default function BillingView() {
  const [period, setPeriod] = useState(() => previousMonth());
  const [confirming, setConfirming] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const closing = useFormMutation(closeBillingPeriodMutation, payloadOf, { invalidates: INVALIDATES });
  const { errors, check } = useClientChecks(closing.errors);
  const periods = useConnection(billingPeriodsQuery, NO_FILTER, (data) => data.billingPeriods);
  const { submit } = closing;
  const { reset } = periods;

  const close = useCallback(
    (month: string) => {
      setConfirming(null);
      void submit({ input: { period: month } }).then((payload) => {
        if (!payload) return;
        setResult(closeResult(month, payload.summaryInvoicesCreated, payload.invoicesSummarized));
        reset();
      });
    },
    [reset, submit],
  );
  const cancel = useCallback(() => {
    setConfirming(null);
  }, []);

  return (
    <Page title="Billing">
      <p className="lead">
        At the start of each month, the previous month is closed: each reseller’s invoices waiting for the monthly
        summary are collected in one summary invoice, the one to pay. Payments received by bank transfer are recorded on
        an invoice’s page.
      </p>
      <Panel title="Close a month">
        <ClosePeriodForm
          period={period}
          onPeriodChange={setPeriod}
          errors={errors}
          closing={closing.submitting}
          onSubmit={() => {
            const month = period.trim();
            setResult(null);
            closing.clearErrors();
            if (check({ period: isPeriod(month) ? undefined : 'Enter a month as YYYY-MM, such as 2026-10.' })) {
              setConfirming(month);
            }
          }}
        />
        <SuccessMessage message={result} />
      </Panel>
      <Panel title="Closed months">
        <ConnectionContent
          connection={periods}
          what="closed months"
          empty={<p>No month has been closed yet.</p>}
        >
          {(nodes) => <BillingPeriodsTable periods={nodes} />}
        </ConnectionContent>
      </Panel>
      <CloseMonthDialog period={confirming} onConfirm={close} onCancel={cancel} />
    </Page>
  );
}
