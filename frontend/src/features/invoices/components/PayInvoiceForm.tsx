import { useRef, useState } from 'react';
import { DetailsList } from '../../../components/DetailsList';
import { CancelButton } from '../../../components/form/CancelButton';
import { Form } from '../../../components/form/Form';
import { SelectField } from '../../../components/form/SelectField';
import { formatMoney, type Money } from '../../../lib/money';
import type { FormErrorState } from '../../../lib/userErrors';
import { isTestCardToken, TEST_CARDS, type TestCardToken } from '../../checkout/payment';
import { useDialogFocus } from '../dialogFocus';

const FIELDS = ['paymentToken'];

interface PayInvoiceFormProps {
  invoiceNumber: string;
  amountDue: Money;
  errors: FormErrorState;
  submitting: boolean;
  onPay: (paymentToken: TestCardToken) => void;
  onCancel: () => void;
}

/**
 * The Pay dialog's body: what is due, and the card (a sandbox test card: only
 * the gateway's one-time token is sent). A refused card is said next to the
 * button; the invoice stays open.
 */
export function PayInvoiceForm({ invoiceNumber, amountDue, errors, submitting, onPay, onCancel }: PayInvoiceFormProps) {
  const [testCard, setTestCard] = useState<TestCardToken>('tok_success');
  const body = useRef<HTMLDivElement>(null);
  useDialogFocus(body, '[name="paymentToken"]', [], FIELDS);
  const paymentProblem = errors.fields.paymentToken;
  const amount = formatMoney(amountDue);

  return (
    <div ref={body}>
      <Form
        label={`Pay invoice ${invoiceNumber}`}
        errors={errors}
        shownFields={FIELDS}
        submitLabel={`Pay ${amount}`}
        busyLabel="Paying…"
        busy={submitting}
        actions={<CancelButton onCancel={onCancel} />}
        onSubmit={() => {
          onPay(testCard);
        }}
      >
        <DetailsList
          details={[
            ['Invoice', invoiceNumber],
            ['Amount due', amount],
          ]}
        />
        <p className="warning">
          <strong>Sandbox payment gateway:</strong> no real card is charged. Choose a test card to see how a payment
          succeeds or fails. Card numbers never reach the Partner Portal: only the gateway’s one-time token is sent.
        </p>
        <SelectField
          label="Test card"
          name="paymentToken"
          value={testCard}
          options={TEST_CARDS}
          onChange={(value) => {
            if (isTestCardToken(value)) setTestCard(value);
          }}
        />
        {paymentProblem && (
          <div role="alert" className="alert payment-problem">
            <p>
              <strong>The payment did not go through.</strong> {paymentProblem} The invoice is still open.
            </p>
          </div>
        )}
      </Form>
    </div>
  );
}
