import type { PaymentKind } from '../../gql/graphql';

/** How a payment came in. */
export const PAYMENT_KIND_LABELS: Record<PaymentKind, string> = {
  CARD: 'Card',
  BANK_TRANSFER: 'Bank transfer',
};
