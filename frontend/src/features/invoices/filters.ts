import type { InvoiceFilter, InvoiceKind, InvoiceOrderField, InvoiceStatus } from '../../gql/graphql';
import { oneOf, type ListSpec, type SortCaptions } from '../../lib/listParams';

/**
 * The invoices table's filters as the address holds them:
 * `?unpaid=1` (open or pending summary) or `?status=PAID`, `?kind=SUMMARY`, `?search=INV-2026`.
 */
export interface InvoiceListFilters {
  unpaid: boolean;
  status: InvoiceStatus | null;
  kind: InvoiceKind | null;
  /** An invoice number or its beginning. */
  search: string;
}

export const INVOICE_STATUSES: readonly InvoiceStatus[] = ['OPEN', 'PENDING_SUMMARY', 'PAID', 'VOID'];
export const INVOICE_KINDS: readonly InvoiceKind[] = ['ORDER', 'SUMMARY'];

const NO_FILTERS: InvoiceListFilters = { unpaid: false, status: null, kind: null, search: '' };

export const INVOICE_LIST: ListSpec<InvoiceListFilters, InvoiceOrderField> = {
  sortFields: { ISSUED_AT: 'DESC', NUMBER: 'ASC', TOTAL: 'DESC' },
  defaultSort: 'ISSUED_AT',
  noFilters: NO_FILTERS,
  filtersFromParams: (params) => {
    const status = oneOf(INVOICE_STATUSES, params.get('status'));
    return {
      // One status asked for wins over "unpaid".
      unpaid: status === null && params.get('unpaid') === '1',
      status,
      kind: oneOf(INVOICE_KINDS, params.get('kind')),
      search: params.get('search')?.trim() ?? '',
    };
  },
  paramsFromFilters: ({ unpaid, status, kind, search }) => {
    const params = new URLSearchParams();
    if (unpaid) params.set('unpaid', '1');
    if (status) params.set('status', status);
    if (kind) params.set('kind', kind);
    if (search) params.set('search', search);
    return params;
  },
};

export const INVOICE_SORT_CAPTIONS: SortCaptions<InvoiceOrderField> = {
  ISSUED_AT: { ASC: 'oldest first', DESC: 'newest first' },
  NUMBER: { ASC: 'by number', DESC: 'by number, highest first' },
  TOTAL: { ASC: 'smallest total first', DESC: 'largest total first' },
};

export function isFiltered({ unpaid, status, kind, search }: InvoiceListFilters): boolean {
  return unpaid || status !== null || kind !== null || search !== '';
}

/** The API's filter for the table's filters. */
export function apiFilterOf({ unpaid, status, kind, search }: InvoiceListFilters): InvoiceFilter {
  return { unpaid: unpaid || null, status, kind, search: search || null };
}
