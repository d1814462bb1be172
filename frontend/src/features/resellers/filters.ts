import type { ResellerOrderField, ResellerStatus } from '../../gql/graphql';
import { oneOf, type ListSpec, type SortCaptions } from '../../lib/listParams';

/** The resellers table's filters as the address holds them: `?search=example&status=SUSPENDED`. */
export interface ResellerListFilters {
  /** Part of the company name or billing email. */
  search: string;
  status: ResellerStatus | null;
}

export const RESELLER_STATUSES: readonly ResellerStatus[] = ['ACTIVE', 'SUSPENDED'];

export const RESELLER_LIST: ListSpec<ResellerListFilters, ResellerOrderField> = {
  sortFields: { NAME: 'ASC', CREATED_AT: 'DESC', DISCOUNT: 'DESC' },
  defaultSort: 'NAME',
  noFilters: { search: '', status: null },
  filtersFromParams: (params) => ({
    search: params.get('search')?.trim() ?? '',
    status: oneOf(RESELLER_STATUSES, params.get('status')),
  }),
  paramsFromFilters: ({ search, status }) => {
    const params = new URLSearchParams();
    if (search) params.set('search', search);
    if (status) params.set('status', status);
    return params;
  },
};

export const RESELLER_SORT_CAPTIONS: SortCaptions<ResellerOrderField> = {
  NAME: { ASC: 'by name', DESC: 'by name, Z to A' },
  CREATED_AT: { ASC: 'oldest first', DESC: 'newest first' },
  DISCOUNT: { ASC: 'smallest discount first', DESC: 'largest discount first' },
};

export function isFiltered({ search, status }: ResellerListFilters): boolean {
  return search !== '' || status !== null;
}
