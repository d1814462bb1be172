import { useCallback } from 'react';
import { Dialog } from '../../../components/Dialog';
import type { PayInvoiceMutation } from '../../../gql/graphql';
import { formatMoney } from '../../../lib/money';
import { useFormMutation } from '../../../lib/useFormMutation';
import { useIdempotencyKey } from '../../checkout/idempotency';
import { PayInvoiceForm } from '../components/PayInvoiceForm';
import { payInvoiceMutation, type InvoiceDetails } from '../queries';

const payloadOf = (data: PayInvoiceMutation) => data.payInvoice;
/** A payment shows on the Payments page, which the answer's objects do not name. */
const INVALIDATES = ['Payment', 'Invoice'];

interface PayInvoiceProps {
  invoice: InvoiceDetails;
  open: boolean;
  onClose: () => void;
  /** After the payment, with a sentence saying what was paid. */
  onPaid: (message: string) => void;
}

/** The Pay dialog: what is due, a card, and the payment, charged at most once per opening of the dialog. */
export function PayInvoice({ invoice, open, onClose, onPaid }: PayInvoiceProps) {
  return (
    <Dialog title={`Pay invoice ${invoice.number}`} open={open} onClose={onClose}>
      <PayAttempt invoice={invoice} onCancel={onClose} onPaid={onPaid} />
    </Dialog>
  );
}

/**
 * One opening of the dialog. Its idempotency key is new with each opening and
 * kept while the request stays the same, so that sending again after a lost
 * answer or a failure charges at most once.
 */
type AttemptProps = Omit<PayInvoiceProps, 'open' | 'onClose'> & { onCancel: () => void };

function PayAttempt({ invoice, onCancel, onPaid }: AttemptProps) {
  const paying = useFormMutation(payInvoiceMutation, payloadOf, { invalidates: INVALIDATES });
  const keyFor = useIdempotencyKey();
  const { submit } = paying;

  const pay = useCallback(
    (paymentToken: string) => {
      const request = { invoiceId: invoice.id, paymentToken };
      void submit({ input: { ...request, idempotencyKey: keyFor(request) } }).then((payload) => {
        if (!payload) return;
        const paid = payload.payment ? formatMoney(payload.payment.amount) : formatMoney(invoice.amountDue);
        const after =
          payload.invoice?.status === 'PAID' || !payload.invoice
            ? `Invoice ${invoice.number} is paid.`
            : `Still due: ${formatMoney(payload.invoice.amountDue)}.`;
        // a repeated request (its first answer was lost) answers with the first payment
        const what = payload.replayed ? `Your payment of ${paid} was already received` : `Payment received: ${paid}`;
        onPaid(`${what} by card. ${after}`);
      });
    },
    [invoice.id, invoice.number, invoice.amountDue, keyFor, onPaid, submit],
  );

  return (
    <PayInvoiceForm
      invoiceNumber={invoice.number}
      amountDue={invoice.amountDue}
      errors={paying.errors}
      submitting={paying.submitting}
      onPay={pay}
      onCancel={onCancel}
    />
  );
}
