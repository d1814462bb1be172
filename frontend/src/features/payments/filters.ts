import type { PaymentKind, PaymentOrderField } from '../../gql/graphql';
import { oneOf, type ListSpec, type SortCaptions } from '../../lib/listParams';

/** The payments table's filters as the address holds them: `?kind=BANK_TRANSFER`. */
export interface PaymentListFilters {
  kind: PaymentKind | null;
}

export const PAYMENT_KINDS: readonly PaymentKind[] = ['CARD', 'BANK_TRANSFER'];

export const PAYMENT_LIST: ListSpec<PaymentListFilters, PaymentOrderField> = {
  sortFields: { RECEIVED_AT: 'DESC', AMOUNT: 'DESC' },
  defaultSort: 'RECEIVED_AT',
  noFilters: { kind: null },
  filtersFromParams: (params) => ({ kind: oneOf(PAYMENT_KINDS, params.get('kind')) }),
  paramsFromFilters: ({ kind }) => new URLSearchParams(kind ? { kind } : {}),
};

export const PAYMENT_SORT_CAPTIONS: SortCaptions<PaymentOrderField> = {
  RECEIVED_AT: { ASC: 'oldest first', DESC: 'newest first' },
  AMOUNT: { ASC: 'smallest first', DESC: 'largest first' },
};
