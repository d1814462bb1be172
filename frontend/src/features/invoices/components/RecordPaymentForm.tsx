import { useRef } from 'react';
import { CancelButton } from '../../../components/form/CancelButton';
import { Form } from '../../../components/form/Form';
import { TextField } from '../../../components/form/TextField';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { useFormValues } from '../../../components/form/useFormValues';
import { formatMoney, type Money } from '../../../lib/money';
import type { FormErrorState } from '../../../lib/userErrors';
import { useDialogFocus } from '../dialogFocus';
import { localToday, recordPaymentProblems, type RecordPaymentValues } from '../inputs';

/** The dialog's fields, named as the input of `recordPayment` (so that user errors land on them). */
const FIELDS = ['amount', 'reference', 'receivedAt'];

interface RecordPaymentFormProps {
  invoiceNumber: string;
  amountDue: Money;
  errors: FormErrorState;
  submitting: boolean;
  onRecord: (values: RecordPaymentValues) => void;
  onCancel: () => void;
}

/**
 * The Record payment dialog's body, for the vendor's billing team: a payment
 * received outside the portal (a bank transfer), in full or in part.
 */
export function RecordPaymentForm({
  invoiceNumber,
  amountDue,
  errors: apiErrors,
  submitting,
  onRecord,
  onCancel,
}: RecordPaymentFormProps) {
  const { errors, check } = useClientChecks(apiErrors);
  const today = localToday();
  const { values, text } = useFormValues<RecordPaymentValues>(
    { amount: amountDue.amount, reference: '', receivedAt: today },
    errors,
  );
  const body = useRef<HTMLDivElement>(null);
  useDialogFocus(body, '[name="amount"]', Object.keys(errors.fields), FIELDS);

  return (
    <div ref={body}>
      <Form
        label={`Record a payment of invoice ${invoiceNumber}`}
        errors={errors}
        shownFields={FIELDS}
        submitLabel="Record payment"
        busyLabel="Recording…"
        busy={submitting}
        actions={<CancelButton onCancel={onCancel} />}
        onSubmit={() => {
          if (check(recordPaymentProblems(values, today))) onRecord(values);
        }}
      >
        <TextField
          label={`Amount (${amountDue.currency})`}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          hint={`Amount due: ${formatMoney(amountDue)}. A partial payment leaves the rest due.`}
          {...text('amount')}
        />
        <TextField
          label="Bank reference"
          name="reference"
          autoComplete="off"
          required
          hint="The reference on the bank statement, to find the transfer again."
          {...text('reference')}
        />
        <TextField label="Received on" name="receivedAt" type="date" max={today} required {...text('receivedAt')} />
      </Form>
    </div>
  );
}
