import { useRef, useState } from 'react';
import { CancelButton } from '../../../components/form/CancelButton';
import { Form } from '../../../components/form/Form';
import { useClientChecks } from '../../../components/form/useClientChecks';
import { useFormValues } from '../../../components/form/useFormValues';
import type { FormErrorState } from '../../../lib/userErrors';
import { useDialogFocus } from '../dialogFocus';
import { addressProblems, isAddressField, splitAddresses } from '../inputs';
import { TextAreaField } from '../../../components/form/TextAreaField';

/** What the Email dialog sends: the addresses as a list, and the optional message. */
export interface EmailInvoiceRequest {
  to: string[];
  message: string | null;
}

interface EmailInvoiceFormProps {
  invoiceNumber: string;
  /** The addresses to start with: the invoice's billing email. */
  initialTo: string;
  errors: FormErrorState;
  submitting: boolean;
  onSend: (request: EmailInvoiceRequest) => void;
  onCancel: () => void;
}

const FIELD_ORDER = ['to', 'message'];

/**
 * The Email dialog's body: the addresses (separated by commas or new lines)
 * and an optional message. The API names a refused address by its place in
 * the list; its message is shown at the addresses with the address itself.
 */
export function EmailInvoiceForm({
  invoiceNumber,
  initialTo,
  errors: apiErrors,
  submitting,
  onSend,
  onCancel,
}: EmailInvoiceFormProps) {
  const { errors, check } = useClientChecks(apiErrors);
  const { values, text } = useFormValues({ to: initialTo, message: '' }, errors);
  const [sent, setSent] = useState<readonly string[]>([]);
  const body = useRef<HTMLDivElement>(null);
  const addressFields = Object.keys(errors.fields).filter(isAddressField);
  const problems = addressProblems(errors, sent);
  const fieldsInError = [...(addressFields.length > 0 ? ['to'] : []), ...(errors.fields.message ? ['message'] : [])];
  useDialogFocus(body, '[name="to"]', fieldsInError, FIELD_ORDER);

  return (
    <div ref={body}>
      <Form
        label={`Email invoice ${invoiceNumber}`}
        errors={errors}
        shownFields={[...addressFields, 'message']}
        submitLabel="Send"
        busyLabel="Sending…"
        busy={submitting}
        actions={<CancelButton onCancel={onCancel} />}
        onSubmit={() => {
          const to = splitAddresses(values.to);
          setSent(to);
          if (!check({ to: to.length > 0 ? undefined : 'Enter at least one email address.' })) return;
          const message = values.message.trim();
          onSend({ to, message: message || null });
        }}
      >
        <TextAreaField
          label="Send to"
          name="to"
          rows={3}
          autoComplete="off"
          hint="Email addresses, separated by commas or new lines. Each gets the invoice with its PDF attached."
          {...text('to')}
          error={problems.length > 0 ? problems.join(' ') : undefined}
        />
        <TextAreaField label="Message" name="message" rows={4} optional {...text('message')} />
      </Form>
    </div>
  );
}
