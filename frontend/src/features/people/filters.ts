import type { EmployeeOrderField, Role } from '../../gql/graphql';
import { oneOf, type ListSpec, type SortCaptions } from '../../lib/listParams';

/** The people table's filters as the address holds them: `?search=bianca&role=RESELLER_BILLING`. */
export interface PeopleListFilters {
  /** Part of a name or email. */
  search: string;
  role: Role | null;
}

/** The roles a person of a reseller account can have. */
export const EMPLOYEE_ROLES: readonly Role[] = [
  'RESELLER_OWNER',
  'RESELLER_PURCHASER',
  'RESELLER_BILLING',
  'RESELLER_VIEWER',
];

export const PEOPLE_LIST: ListSpec<PeopleListFilters, EmployeeOrderField> = {
  sortFields: { NAME: 'ASC', EMAIL: 'ASC', CREATED_AT: 'DESC' },
  defaultSort: 'NAME',
  noFilters: { search: '', role: null },
  filtersFromParams: (params) => ({
    search: params.get('search')?.trim() ?? '',
    role: oneOf(EMPLOYEE_ROLES, params.get('role')),
  }),
  paramsFromFilters: ({ search, role }) => {
    const params = new URLSearchParams();
    if (search) params.set('search', search);
    if (role) params.set('role', role);
    return params;
  },
};

export const PEOPLE_SORT_CAPTIONS: SortCaptions<EmployeeOrderField> = {
  NAME: { ASC: 'by name', DESC: 'by name, Z to A' },
  EMAIL: { ASC: 'by email', DESC: 'by email, Z to A' },
  CREATED_AT: { ASC: 'longest known first', DESC: 'newest first' },
};

export function isFiltered({ search, role }: PeopleListFilters): boolean {
  return search !== '' || role !== null;
}
