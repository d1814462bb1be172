import type { OrderOrderField, PaymentMethod } from '../../gql/graphql';
import { oneOf, type ListSpec, type SortCaptions } from '../../lib/listParams';

/** The orders table's filters as the address holds them: `?search=ORD-2026&payment=INVOICE`. */
export interface OrderListFilters {
  /** An order number or its beginning. */
  search: string;
  paymentMethod: PaymentMethod | null;
}

export const PAYMENT_METHODS: readonly PaymentMethod[] = ['PAY_ON_ORDER', 'INVOICE'];

export const ORDER_LIST: ListSpec<OrderListFilters, OrderOrderField> = {
  sortFields: { PLACED_AT: 'DESC', NUMBER: 'ASC', TOTAL: 'DESC' },
  defaultSort: 'PLACED_AT',
  noFilters: { search: '', paymentMethod: null },
  filtersFromParams: (params) => ({
    search: params.get('search')?.trim() ?? '',
    paymentMethod: oneOf(PAYMENT_METHODS, params.get('payment')),
  }),
  paramsFromFilters: ({ search, paymentMethod }) => {
    const params = new URLSearchParams();
    if (search) params.set('search', search);
    if (paymentMethod) params.set('payment', paymentMethod);
    return params;
  },
};

export const ORDER_SORT_CAPTIONS: SortCaptions<OrderOrderField> = {
  PLACED_AT: { ASC: 'oldest first', DESC: 'newest first' },
  NUMBER: { ASC: 'by number', DESC: 'by number, highest first' },
  TOTAL: { ASC: 'smallest total first', DESC: 'largest total first' },
};

export function isFiltered({ search, paymentMethod }: OrderListFilters): boolean {
  return search !== '' || paymentMethod !== null;
}

/** The query's filter variables for the table's filters. */
export function orderVariablesOf({ search, paymentMethod }: OrderListFilters) {
  return { search: search || null, paymentMethod };
}
