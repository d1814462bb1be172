import type { LicenseFilter, LicenseOrderField, LicenseStatus } from '../../gql/graphql';
import type { ListSpec, SortCaptions } from '../../lib/listParams';

/**
 * The licenses list's filters as the page's address holds them:
 * `?status=UNASSIGNED&product=smartermail&search=7KQ2`, and `?customer=<id>` for one customer's licenses.
 */
export interface LicenseListFilters {
  status: LicenseStatus | null;
  productCode: string;
  search: string;
  /** One customer's licenses (the customer's global id), as the Reselling page links to them; '' for all. */
  customerId: string;
}

function statusOf(value: string | null): LicenseStatus | null {
  return value === 'UNASSIGNED' || value === 'ASSIGNED' ? value : null;
}

/** The filters an address asks for; unknown values mean no filter. */
export function filtersFromParams(params: URLSearchParams): LicenseListFilters {
  return {
    status: statusOf(params.get('status')),
    productCode: params.get('product')?.trim() ?? '',
    search: params.get('search')?.trim() ?? '',
    customerId: params.get('customer')?.trim() ?? '',
  };
}

/** The address's query for the filters, with filters not in effect left out. */
export function paramsFromFilters({ status, productCode, search, customerId }: LicenseListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (productCode) params.set('product', productCode);
  if (search) params.set('search', search);
  if (customerId) params.set('customer', customerId);
  return params;
}

/** The API's filter for the list's filters. */
export function apiFilterOf({ status, productCode, search, customerId }: LicenseListFilters): LicenseFilter {
  return {
    status,
    productCode: productCode || null,
    search: search || null,
    ...(customerId ? { customerId } : {}),
  };
}

export function isFiltered({ status, productCode, search, customerId }: LicenseListFilters): boolean {
  return status !== null || productCode !== '' || search !== '' || customerId !== '';
}

const NO_FILTERS: LicenseListFilters = { status: null, productCode: '', search: '', customerId: '' };

/** The licenses table's view in the address: these filters, sorted newest first unless asked otherwise. */
export const LICENSE_LIST: ListSpec<LicenseListFilters, LicenseOrderField> = {
  sortFields: { CREATED_AT: 'DESC', KEY: 'ASC', MAINTENANCE_EXPIRES_AT: 'ASC' },
  defaultSort: 'CREATED_AT',
  filtersFromParams,
  paramsFromFilters,
  noFilters: NO_FILTERS,
};

/** How the table's caption tells its order. */
export const LICENSE_SORT_CAPTIONS: SortCaptions<LicenseOrderField> = {
  CREATED_AT: { ASC: 'oldest first', DESC: 'newest first' },
  KEY: { ASC: 'by key', DESC: 'by key, Z to A' },
  MAINTENANCE_EXPIRES_AT: { ASC: 'M&S ending soonest first', DESC: 'M&S ending latest first' },
};

/** The licenses page showing one customer's licenses. */
export function customerLicensesPath(customerId: string): string {
  const filters: LicenseListFilters = { ...NO_FILTERS, customerId };
  return `/licenses?${paramsFromFilters(filters).toString()}`;
}
