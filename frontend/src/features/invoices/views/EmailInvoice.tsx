import { useCallback } from 'react';
import { Dialog } from '../../../components/Dialog';
import type { EmailInvoiceMutation } from '../../../gql/graphql';
import { useFormMutation } from '../../../lib/useFormMutation';
import { EmailInvoiceForm, type EmailInvoiceRequest } from '../components/EmailInvoiceForm';
import { emailInvoiceMutation, type InvoiceDetails } from '../queries';

const payloadOf = (data: EmailInvoiceMutation) => data.emailInvoice;

interface EmailInvoiceProps {
  invoice: InvoiceDetails;
  open: boolean;
  onClose: () => void;
  /** After sending, with a sentence naming the addresses. */
  onSent: (message: string) => void;
}

/** The Email dialog: the invoice, its PDF attached, to the addresses the partner gives. */
export function EmailInvoice({ invoice, open, onClose, onSent }: EmailInvoiceProps) {
  return (
    <Dialog title={`Email invoice ${invoice.number}`} open={open} onClose={onClose}>
      <EmailAttempt invoice={invoice} onCancel={onClose} onSent={onSent} />
    </Dialog>
  );
}

type AttemptProps = Omit<EmailInvoiceProps, 'open' | 'onClose'> & { onCancel: () => void };

function EmailAttempt({ invoice, onCancel, onSent }: AttemptProps) {
  const sending = useFormMutation(emailInvoiceMutation, payloadOf);
  const { submit } = sending;

  const send = useCallback(
    ({ to, message }: EmailInvoiceRequest) => {
      void submit({ input: { invoiceId: invoice.id, to, message } }).then((payload) => {
        if (payload) onSent(`Sent to ${payload.sentTo.join(', ')}.`);
      });
    },
    [invoice.id, onSent, submit],
  );

  return (
    <EmailInvoiceForm
      invoiceNumber={invoice.number}
      initialTo={invoice.billing.email}
      errors={sending.errors}
      submitting={sending.submitting}
      onSend={send}
      onCancel={onCancel}
    />
  );
}
