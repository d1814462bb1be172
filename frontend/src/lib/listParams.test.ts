import { describe, expect, it } from 'vitest';
import {
  anyTextFilter,
  listSearch,
  listStateFromParams,
  oneOf,
  pagingVariables,
  paramsFromListState,
  textFilters,
  withCursor,
  withFilters,
  withSize,
  withSortBy,
  type ListSpec,
  type TextFilters,
} from './listParams';

type Field = 'ISSUED_AT' | 'NUMBER' | 'TOTAL';

const SPEC: ListSpec<TextFilters<'status' | 'search'>, Field> = {
  sortFields: { ISSUED_AT: 'DESC', NUMBER: 'ASC', TOTAL: 'DESC' },
  defaultSort: 'ISSUED_AT',
  ...textFilters(['status', 'search']),
};

function stateOf(query: string) {
  return listStateFromParams(SPEC, new URLSearchParams(query));
}

function queryOf(state: ReturnType<typeof stateOf>) {
  return paramsFromListState(SPEC, state).toString();
}

describe('listParams', () => {
  it('reads the default view from an empty address', () => {
    expect(stateOf('')).toEqual({
      filters: { status: '', search: '' },
      sort: { field: 'ISSUED_AT', direction: 'DESC' },
      cursor: null,
      size: 50,
    });
    expect(queryOf(stateOf(''))).toBe('');
    expect(listSearch(SPEC, stateOf(''))).toBe('?');
  });

  it('reads filters, sort, direction, page size and cursor, and writes them back the same', () => {
    const query = 'status=OPEN&search=INV-2026&sort=total&dir=asc&size=25&after=YXJyYXljb25uZWN0aW9uOjQ5';
    const state = stateOf(query);
    expect(state).toEqual({
      filters: { status: 'OPEN', search: 'INV-2026' },
      sort: { field: 'TOTAL', direction: 'ASC' },
      cursor: { after: 'YXJyYXljb25uZWN0aW9uOjQ5' },
      size: 25,
    });
    expect(queryOf(state)).toBe(query);
    expect(stateOf(queryOf(state))).toEqual(state);
  });

  it('leaves out what is the default: the usual field, its first direction, 50 rows', () => {
    expect(queryOf(stateOf('sort=issued_at&dir=desc&size=50'))).toBe('');
    expect(queryOf(stateOf('sort=number&dir=asc'))).toBe('sort=number');
    expect(queryOf(stateOf('sort=number&dir=desc'))).toBe('sort=number&dir=desc');
    expect(queryOf(stateOf('dir=asc'))).toBe('dir=asc');
  });

  it('ignores what it does not know: an unknown field, direction or size gives the default', () => {
    expect(stateOf('sort=password&dir=sideways&size=1000')).toMatchObject({
      sort: { field: 'ISSUED_AT', direction: 'DESC' },
      size: 50,
    });
    expect(stateOf('sort=NUMBER').sort).toEqual({ field: 'NUMBER', direction: 'ASC' });
  });

  it('keeps one cursor: after wins over before', () => {
    expect(stateOf('after=a&before=b').cursor).toEqual({ after: 'a' });
    expect(stateOf('before=b').cursor).toEqual({ before: 'b' });
    expect(queryOf(withCursor(stateOf('after=a'), { before: 'b' }))).toBe('before=b');
  });

  it('goes back to the first page when a filter, the sort or the page size changes', () => {
    const onPageTwo = stateOf('search=INV&sort=number&after=c50');
    expect(queryOf(withFilters(onPageTwo, { status: 'PAID', search: 'INV' }))).toBe(
      'status=PAID&search=INV&sort=number',
    );
    expect(queryOf(withSize(onPageTwo, 100))).toBe('search=INV&sort=number&size=100');
    expect(queryOf(withSortBy(SPEC, onPageTwo, 'TOTAL'))).toBe('search=INV&sort=total');
  });

  it('turns the sort around on the same field and starts another field in its first direction', () => {
    const byNumber = withSortBy(SPEC, stateOf(''), 'NUMBER');
    expect(byNumber.sort).toEqual({ field: 'NUMBER', direction: 'ASC' });
    const byNumberDown = withSortBy(SPEC, byNumber, 'NUMBER');
    expect(byNumberDown.sort).toEqual({ field: 'NUMBER', direction: 'DESC' });
    expect(queryOf(byNumberDown)).toBe('sort=number&dir=desc');
    expect(queryOf(withSortBy(SPEC, stateOf(''), 'ISSUED_AT'))).toBe('dir=asc');
  });

  it('keeps a page’s other parameters out of the filters it writes', () => {
    const spec: ListSpec<{ search: string }, Field> = {
      ...SPEC,
      noFilters: { search: '' },
      filtersFromParams: (params) => ({ search: params.get('search') ?? '' }),
      // A careless filter writer copying the whole address.
      paramsFromFilters: ({ search }) => new URLSearchParams({ search, after: 'stale' }),
    };
    const state = listStateFromParams(spec, new URLSearchParams('search=x&after=stale'));
    expect(paramsFromListState(spec, withFilters(state, { search: 'y' })).toString()).toBe('search=y');
  });

  it('asks for the page after a cursor with first/after, and the one before with last/before', () => {
    expect(pagingVariables(stateOf(''))).toEqual({ first: 50, after: null, last: null, before: null });
    expect(pagingVariables(stateOf('after=c&size=25'))).toEqual({ first: 25, after: 'c', last: null, before: null });
    expect(pagingVariables(stateOf('before=c'))).toEqual({ first: 50, after: null, last: 50, before: 'c' });
  });

  it('tells filters in effect and reads enum values strictly', () => {
    expect(anyTextFilter({ status: '', search: '' })).toBe(false);
    expect(anyTextFilter({ status: 'OPEN', search: '' })).toBe(true);
    expect(oneOf(['OPEN', 'PAID'] as const, 'PAID')).toBe('PAID');
    expect(oneOf(['OPEN', 'PAID'] as const, 'paid')).toBeNull();
    expect(oneOf(['OPEN', 'PAID'] as const, null)).toBeNull();
  });
});
