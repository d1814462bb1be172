/**
 * A table's view as the page's address holds it, so that a link reproduces it:
 * its own filters, then `sort=<field>&dir=asc|desc`, `size=25|100` and one
 * cursor, `after=<cursor>` or `before=<cursor>`. What is the default (the
 * table's usual order, 50 rows, the first page) is left out of the address.
 * Changing a filter, the sort or the page size goes back to the first page.
 */

export type SortDirection = 'ASC' | 'DESC';

export interface ListSort<Field extends string> {
  field: Field;
  direction: SortDirection;
}

/** Where the page starts: after a cursor (the next page), before one (the previous page), or at the start. */
export type ListCursor = { after: string } | { before: string } | null;

/** The rows per page a table offers. */
export const PAGE_SIZES = [25, 50, 100] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 50;

/** How one table's view maps to the address. */
export interface ListSpec<Filters, Field extends string> {
  /** Each field the table sorts by, with the direction it sorts in first (dates newest first, names A to Z). */
  sortFields: Readonly<Record<Field, SortDirection>>;
  /** The field of the table's usual order, sorted in its first direction. */
  defaultSort: Field;
  /** The filters the address asks for; unknown values mean no filter. */
  filtersFromParams: (params: URLSearchParams) => Filters;
  /** The address's query for the filters, with filters not in effect left out. */
  paramsFromFilters: (filters: Filters) => URLSearchParams;
  /** The filters when nothing is filtered. */
  noFilters: Filters;
}

/** The sorting part of a spec. */
type SortSpec<Field extends string> = Pick<ListSpec<unknown, Field>, 'sortFields' | 'defaultSort'>;

export interface ListState<Filters, Field extends string> {
  filters: Filters;
  sort: ListSort<Field>;
  cursor: ListCursor;
  size: PageSize;
}

const LIST_KEYS = ['sort', 'dir', 'size', 'after', 'before'];

/** True when the table sorts by the field. */
export function isSortField<Field extends string>(spec: SortSpec<Field>, value: string): value is Field {
  return Object.prototype.hasOwnProperty.call(spec.sortFields, value);
}

function sortOf<Field extends string>(spec: SortSpec<Field>, params: URLSearchParams): ListSort<Field> {
  const named = params.get('sort')?.trim().toUpperCase() ?? '';
  const field = isSortField(spec, named) ? named : spec.defaultSort;
  const dir = params.get('dir')?.trim().toLowerCase();
  const direction = dir === 'asc' ? 'ASC' : dir === 'desc' ? 'DESC' : spec.sortFields[field];
  return { field, direction };
}

function sizeOf(params: URLSearchParams): PageSize {
  const size = Number(params.get('size'));
  return PAGE_SIZES.find((choice) => choice === size) ?? DEFAULT_PAGE_SIZE;
}

function cursorOf(params: URLSearchParams): ListCursor {
  const after = params.get('after');
  if (after) return { after };
  const before = params.get('before');
  return before ? { before } : null;
}

/** The view an address asks for. */
export function listStateFromParams<Filters, Field extends string>(
  spec: ListSpec<Filters, Field>,
  params: URLSearchParams,
): ListState<Filters, Field> {
  return {
    filters: spec.filtersFromParams(params),
    sort: sortOf(spec, params),
    cursor: cursorOf(params),
    size: sizeOf(params),
  };
}

/** The address's query for a view: the filters, then what differs from the defaults. */
export function paramsFromListState<Filters, Field extends string>(
  spec: ListSpec<Filters, Field>,
  { filters, sort, cursor, size }: ListState<Filters, Field>,
): URLSearchParams {
  const params = spec.paramsFromFilters(filters);
  for (const key of LIST_KEYS) params.delete(key);
  if (sort.field !== spec.defaultSort) params.set('sort', sort.field.toLowerCase());
  if (sort.direction !== spec.sortFields[sort.field]) params.set('dir', sort.direction.toLowerCase());
  if (size !== DEFAULT_PAGE_SIZE) params.set('size', String(size));
  if (cursor && 'after' in cursor) params.set('after', cursor.after);
  if (cursor && 'before' in cursor) params.set('before', cursor.before);
  return params;
}

/** A link's target for the view: `?…` (just `?` for the default view, which still clears the query). */
export function listSearch<Filters, Field extends string>(
  spec: ListSpec<Filters, Field>,
  state: ListState<Filters, Field>,
): string {
  return `?${paramsFromListState(spec, state).toString()}`;
}

/** The view with other filters, from its first page. */
export function withFilters<Filters, Field extends string>(
  state: ListState<Filters, Field>,
  filters: Filters,
): ListState<Filters, Field> {
  return { ...state, filters, cursor: null };
}

/**
 * The view sorted by a field, from its first page: the field sorted so already
 * turns around; another field starts in its first direction.
 */
export function withSortBy<Filters, Field extends string>(
  spec: ListSpec<Filters, Field>,
  state: ListState<Filters, Field>,
  field: Field,
): ListState<Filters, Field> {
  const direction: SortDirection =
    state.sort.field === field ? (state.sort.direction === 'ASC' ? 'DESC' : 'ASC') : spec.sortFields[field];
  return { ...state, sort: { field, direction }, cursor: null };
}

/** The view with another page size, from its first page. */
export function withSize<Filters, Field extends string>(
  state: ListState<Filters, Field>,
  size: PageSize,
): ListState<Filters, Field> {
  return { ...state, size, cursor: null };
}

/** The view on another page. */
export function withCursor<Filters, Field extends string>(
  state: ListState<Filters, Field>,
  cursor: ListCursor,
): ListState<Filters, Field> {
  return { ...state, cursor };
}

/**
 * The paging arguments of a connection for the view: `first`/`after`, or `last`/`before` for a
 * previous page (`first`, required by the API, is then the same size).
 */
export function pagingVariables({ cursor, size }: Pick<ListState<unknown, string>, 'cursor' | 'size'>) {
  if (cursor && 'before' in cursor) return { first: size, after: null, last: size, before: cursor.before };
  return { first: size, after: cursor && 'after' in cursor ? cursor.after : null, last: null, before: null };
}

/** Filters that are plain text values in the address under the same names, '' when not in effect. */
export type TextFilters<Key extends string> = Readonly<Record<Key, string>>;

/** The address mapping of plain text filters, e.g. `textFilters(['search', 'role'])`. */
export function textFilters<Key extends string>(
  keys: readonly Key[],
): Pick<ListSpec<TextFilters<Key>, never>, 'filtersFromParams' | 'paramsFromFilters' | 'noFilters'> {
  const noFilters = Object.fromEntries(keys.map((key) => [key, ''])) as TextFilters<Key>;
  return {
    noFilters,
    filtersFromParams: (params) =>
      Object.fromEntries(keys.map((key) => [key, params.get(key)?.trim() ?? ''])) as TextFilters<Key>,
    paramsFromFilters: (filters) => {
      const params = new URLSearchParams();
      for (const key of keys) if (filters[key]) params.set(key, filters[key]);
      return params;
    },
  };
}

/** True when any plain text filter is in effect. */
export function anyTextFilter<Key extends string>(filters: TextFilters<Key>): boolean {
  return Object.values<string>(filters).some((value) => value !== '');
}

/** One of the allowed values, or null: for enum filters read from the address. */
export function oneOf<Value extends string>(allowed: readonly Value[], value: string | null | undefined): Value | null {
  return allowed.find((choice) => choice === value) ?? null;
}

/** How a table's caption names each order, e.g. `{ CREATED_AT: { ASC: 'oldest first', DESC: 'newest first' } }`. */
export type SortCaptions<Field extends string> = Readonly<Record<Field, Readonly<Record<SortDirection, string>>>>;

/** A table's caption telling its order: "Licenses, newest first". */
export function sortedCaption<Field extends string>(
  name: string,
  captions: SortCaptions<Field>,
  { field, direction }: ListSort<Field>,
): string {
  return `${name}, ${captions[field][direction]}`;
}
