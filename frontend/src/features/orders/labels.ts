import type { PaymentMethod } from '../../gql/graphql';

export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  PAY_ON_ORDER: 'Paid on order',
  INVOICE: 'Monthly invoice',
};
