import { useState } from 'react';
import { Link } from 'react-router';
import { FormErrors } from '../../../components/form/FormErrors';
import { RadioGroupField, type RadioOption } from '../../../components/form/RadioGroupField';
import { SelectField } from '../../../components/form/SelectField';
import { SubmitButton } from '../../../components/form/SubmitButton';
import { TextField } from '../../../components/form/TextField';
import type { PaymentMethod } from '../../../gql/graphql';
import type { FormErrorState } from '../../../lib/userErrors';
import { BILLING_ERROR_FIELDS, BILLING_FIELDS, billingValuesOf } from '../billing';
import { isTestCardToken, TEST_CARDS, type CheckoutValues } from '../payment';
import type { CheckoutAccount } from '../queries';

interface CheckoutFormProps {
  account: CheckoutAccount;
  errors: FormErrorState;
  submitting: boolean;
  onSubmit: (values: CheckoutValues) => void;
}

const SHOWN_FIELDS = [...BILLING_ERROR_FIELDS, 'paymentMethod', 'paymentToken'];

const PAY_NOW: RadioOption = {
  value: 'PAY_ON_ORDER',
  label: 'Pay now by card',
  hint: 'The card is charged now and the order’s invoice is paid at once.',
};
const ON_INVOICE: RadioOption = {
  value: 'INVOICE',
  label: 'Add to monthly invoice',
  hint: 'Nothing to pay now: the order’s invoice is collected in next month’s summary invoice.',
};

/**
 * Billing details (the account's, to change for this order) and how to pay:
 * a sandbox test card, or the monthly invoice when the account may use it.
 * Problems are shown next to the button that sends the form, where the eye is.
 */
export function CheckoutForm({ account, errors, submitting, onSubmit }: CheckoutFormProps) {
  const [billing, setBilling] = useState(() => billingValuesOf(account));
  const [paymentMethod, setPaymentMethod] = useState<PaymentMethod>('PAY_ON_ORDER');
  const [testCard, setTestCard] = useState<CheckoutValues['testCard']>('tok_success');
  const paymentProblem = errors.fields.paymentToken;

  return (
    <form
      className="form"
      aria-label="Checkout"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!submitting) onSubmit({ billing, paymentMethod, testCard });
      }}
    >
      <fieldset>
        <legend>Billing details</legend>
        <p className="field-hint">
          Your account’s company details. Changes here are for this order’s invoice only.
        </p>
        {BILLING_FIELDS.map((field) => (
          <TextField
            key={field.name}
            label={field.label}
            type={field.type}
            autoComplete={field.autoComplete}
            hint={field.hint}
            optional={field.optional}
            maxLength={field.maxLength}
            value={billing[field.name]}
            error={errors.fields[`billing.${field.name}`]}
            onChange={(value) => {
              setBilling((current) => ({ ...current, [field.name]: value }));
            }}
          />
        ))}
      </fieldset>
      <RadioGroupField
        legend="Payment"
        value={paymentMethod}
        options={account.mayPayByInvoice ? [PAY_NOW, ON_INVOICE] : [PAY_NOW]}
        hint={account.mayPayByInvoice ? undefined : 'Your account pays on order.'}
        error={errors.fields.paymentMethod}
        onChange={(value) => {
          if (value === 'PAY_ON_ORDER' || value === 'INVOICE') setPaymentMethod(value);
        }}
      />
      {paymentMethod === 'PAY_ON_ORDER' && (
        <fieldset>
          <legend>Card</legend>
          <p className="warning">
            <strong>Sandbox payment gateway:</strong> no real card is charged. Choose a test card to see
            how a payment succeeds or fails. Card numbers never reach the Partner Portal: only the
            gateway’s one-time token is sent.
          </p>
          <SelectField
            label="Test card"
            value={testCard}
            options={TEST_CARDS}
            onChange={(value) => {
              if (isTestCardToken(value)) setTestCard(value);
            }}
          />
        </fieldset>
      )}
      <FormErrors errors={errors} shownFields={SHOWN_FIELDS} />
      {paymentProblem && (
        <div role="alert" className="alert payment-problem">
          <p>
            <strong>The payment did not go through.</strong> {paymentProblem} Your cart and the details
            above are kept.
          </p>
        </div>
      )}
      <div className="form-actions">
        <SubmitButton label="Place order" busyLabel="Placing order…" busy={submitting} />
        <Link to="/cart" className="button-link">
          Back to cart
        </Link>
      </div>
    </form>
  );
}
