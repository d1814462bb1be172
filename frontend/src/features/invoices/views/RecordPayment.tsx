import { useCallback } from 'react';
import { Dialog } from '../../../components/Dialog';
import type { RecordPaymentMutation } from '../../../gql/graphql';
import { formatMoney } from '../../../lib/money';
import { useFormMutation } from '../../../lib/useFormMutation';
import { RecordPaymentForm } from '../components/RecordPaymentForm';
import { recordPaymentInput, type RecordPaymentValues } from '../inputs';
import { recordPaymentMutation, type InvoiceDetails } from '../queries';

const payloadOf = (data: RecordPaymentMutation) => data.recordPayment;
const INVALIDATES = ['Payment', 'Invoice'];

interface RecordPaymentProps {
  invoice: InvoiceDetails;
  open: boolean;
  onClose: () => void;
  /** After recording, with a sentence saying what was recorded and what is left. */
  onRecorded: (message: string) => void;
}

/** The Record payment dialog (vendor billing): a bank transfer received for the invoice, in full or in part. */
export function RecordPayment({ invoice, open, onClose, onRecorded }: RecordPaymentProps) {
  return (
    <Dialog title={`Record a payment of ${invoice.number}`} open={open} onClose={onClose}>
      <RecordAttempt invoice={invoice} onCancel={onClose} onRecorded={onRecorded} />
    </Dialog>
  );
}

type AttemptProps = Omit<RecordPaymentProps, 'open' | 'onClose'> & { onCancel: () => void };

function RecordAttempt({ invoice, onCancel, onRecorded }: AttemptProps) {
  const recording = useFormMutation(recordPaymentMutation, payloadOf, { invalidates: INVALIDATES });
  const { submit } = recording;

  const record = useCallback(
    (values: RecordPaymentValues) => {
      void submit({ input: recordPaymentInput(invoice.id, values) }).then((payload) => {
        if (!payload) return;
        const amount = payload.payment ? formatMoney(payload.payment.amount) : values.amount;
        const after =
          !payload.invoice || payload.invoice.status === 'PAID'
            ? `Invoice ${invoice.number} is paid.`
            : `Still due: ${formatMoney(payload.invoice.amountDue)}.`;
        onRecorded(`Payment of ${amount} recorded. ${after}`);
      });
    },
    [invoice.id, invoice.number, onRecorded, submit],
  );

  return (
    <RecordPaymentForm
      invoiceNumber={invoice.number}
      amountDue={invoice.amountDue}
      errors={recording.errors}
      submitting={recording.submitting}
      onRecord={record}
      onCancel={onCancel}
    />
  );
}
