import type { CustomerOrderField } from '../../gql/graphql';
import { textFilters, type ListSpec, type SortCaptions, type TextFilters } from '../../lib/listParams';

/** The customers table's filters as the address holds them: `?search=example.com`. */
export type CustomerListFilters = TextFilters<'search'>;

export const CUSTOMER_LIST: ListSpec<CustomerListFilters, CustomerOrderField> = {
  sortFields: { EMAIL: 'ASC', NAME: 'ASC', CREATED_AT: 'DESC' },
  defaultSort: 'EMAIL',
  ...textFilters(['search']),
};

export const CUSTOMER_SORT_CAPTIONS: SortCaptions<CustomerOrderField> = {
  EMAIL: { ASC: 'by email', DESC: 'by email, Z to A' },
  NAME: { ASC: 'by name', DESC: 'by name, Z to A' },
  CREATED_AT: { ASC: 'oldest first', DESC: 'newest first' },
};
