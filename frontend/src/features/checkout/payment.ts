import type { CheckoutInput, PaymentMethod } from '../../gql/graphql';
import { billingInput, type BillingValues } from './billing';

/**
 * The sandbox gateway's test cards. The browser never sends a card number to
 * the Partner Portal: a card form of the gateway turns the card into a one-time
 * token, and only the token is sent. The sandbox takes these fixed tokens.
 */
export const TEST_CARDS = [
  { value: 'tok_success', label: 'Visa •••• 4242 — succeeds' },
  { value: 'tok_declined', label: 'Visa •••• 0002 — card declined' },
  { value: 'tok_gateway_error', label: 'Visa •••• 0119 — gateway error' },
] as const;

export type TestCardToken = (typeof TEST_CARDS)[number]['value'];

export function isTestCardToken(value: string): value is TestCardToken {
  return TEST_CARDS.some((card) => card.value === value);
}

export interface CheckoutValues {
  billing: BillingValues;
  paymentMethod: PaymentMethod;
  testCard: TestCardToken;
}

/** The checkout's input without its idempotency key: the card's token only when paying now. */
export function checkoutRequest(values: CheckoutValues): Omit<CheckoutInput, 'idempotencyKey'> {
  return {
    paymentMethod: values.paymentMethod,
    paymentToken: values.paymentMethod === 'PAY_ON_ORDER' ? values.testCard : null,
    billing: billingInput(values.billing),
  };
}
