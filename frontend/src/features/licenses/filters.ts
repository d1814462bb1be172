import type { LicenseFilter, LicenseStatus } from '../../gql/graphql';

/** The licenses list's filters as the page's address holds them: `?status=UNASSIGNED&product=smartermail&search=7KQ2`. */
export interface LicenseListFilters {
  status: LicenseStatus | null;
  productCode: string;
  search: string;
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
  };
}

/** The address's query for the filters, with filters not in effect left out. */
export function paramsFromFilters({ status, productCode, search }: LicenseListFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (status) params.set('status', status);
  if (productCode) params.set('product', productCode);
  if (search) params.set('search', search);
  return params;
}

/** The API's filter for the list's filters. */
export function apiFilterOf({ status, productCode, search }: LicenseListFilters): LicenseFilter {
  return { status, productCode: productCode || null, search: search || null };
}

export function isFiltered({ status, productCode, search }: LicenseListFilters): boolean {
  return status !== null || productCode !== '' || search !== '';
}
