import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import type { LicenseProductsQuery, LicensesQuery } from '../../../gql/graphql';
import { connectionOf, type PageAt } from '../../../test/connection';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import LicensesView from './LicensesView';

type LicenseNode = LicensesQuery['licenses']['edges'][number]['node'];

const MAIL: LicenseNode = {
  id: 'TGljZW5zZTox',
  key: '7KQ2MX-R9TP4H-2345AB-CDEFGH-JKMNPQ-RSTWXY',
  status: 'UNASSIGNED',
  personal: true,
  product: { code: 'smartermail', name: 'SmarterMail' },
  edition: { code: 'enterprise', name: 'Enterprise' },
  tier: { code: '250', name: '250 mailboxes' },
  addons: [
    { code: 'activesync', name: 'Exchange ActiveSync' },
    { code: 'mapi-ews', name: 'MAPI/EWS' },
  ],
  maintenanceExpiresAt: '2027-11-27T12:00:00+00:00',
  maintenanceStatus: 'ACTIVE',
  createdAt: '2026-11-27T12:00:00+00:00',
  order: { id: 'T3JkZXI6MQ==', number: 'ORD-2026-000001' },
  reseller: { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' },
};

const TRACK: LicenseNode = {
  ...MAIL,
  id: 'TGljZW5zZToy',
  key: 'ZZZZZZ-R9TP4H-2345AB-CDEFGH-JKMNPQ-RSTWXY',
  status: 'ASSIGNED',
  personal: false,
  product: { code: 'smartertrack', name: 'SmarterTrack' },
  edition: { code: 'professional', name: 'Professional' },
  tier: { code: '5', name: '5 agents' },
  addons: [],
  maintenanceStatus: 'LAPSED',
};

function licenses(nodes: LicenseNode[], at?: PageAt): { data: LicensesQuery } {
  return { data: { licenses: connectionOf(nodes, at) } };
}

const FIRST_PAGE = { first: 50, after: null, last: null, before: null };
const NEWEST_FIRST = { field: 'CREATED_AT', direction: 'DESC' };
const NO_FILTER = { status: null, productCode: null, search: null };

const PRODUCTS: { data: LicenseProductsQuery } = {
  data: {
    products: [
      { id: 'p1', code: 'smartermail', name: 'SmarterMail' },
      { id: 'p2', code: 'smartertrack', name: 'SmarterTrack' },
    ],
  },
};

function currentLocation() {
  return screen.getByRole('note', { name: 'Current location' }).textContent;
}

function pagerLink(name: string) {
  return within(screen.getByRole('navigation', { name: 'Pages of licenses' })).getByRole('link', { name });
}

function rowOf(key: string) {
  return screen.getByRole('row', { name: new RegExp(`^${key}`) });
}

describe('LicensesView', () => {
  it('shows each license: key, product, edition, tier, add-ons, status, M&S and order', () => {
    const api = mockApi({ Licenses: licenses([MAIL, TRACK]), LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, { client: api.client, route: '/licenses' });

    const mail = rowOf(MAIL.key);
    const key = within(mail).getByRole('link', { name: MAIL.key });
    expect(key).toHaveAttribute('href', `/licenses/${MAIL.key}`);
    expect(key.querySelector('code')).toHaveTextContent(MAIL.key);
    const cells = within(mail)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual([
      'SmarterMail',
      'Enterprise250 mailboxes',
      'Exchange ActiveSync, MAPI/EWS',
      'UnassignedPersonal',
    ]);
    expect(cells[4]).toMatch(/^Activeuntil .*2027$/);
    expect(within(mail).getByRole('link', { name: 'ORD-2026-000001' })).toHaveAttribute(
      'href',
      '/orders/T3JkZXI6MQ%3D%3D',
    );

    const track = rowOf(TRACK.key);
    expect(track).toHaveTextContent('None');
    expect(track).toHaveTextContent('Assigned');
    expect(track).not.toHaveTextContent('Personal');
    expect(track).toHaveTextContent('Lapsed');
    expect(screen.getByText('Showing 2 licenses, all there are.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Modify existing license' })).toHaveAttribute('href', '/licenses/modify');
    expect(screen.queryByRole('columnheader', { name: 'Reseller' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Reseller Example Inc.' })).not.toBeInTheDocument();
  });

  it('names each license’s reseller for the vendor, linking to the reseller’s page', () => {
    const api = mockApi({ Licenses: licenses([MAIL]), LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, { client: api.client, route: '/licenses', viewer: viewerWithRole('VENDOR_ADMIN') });

    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Key',
      'Reseller',
      'Product',
      'Edition and tier',
      'Add-ons',
      'Status',
      'M&S',
      'Order',
      'Bought',
    ]);
    const mail = rowOf(MAIL.key);
    expect(within(mail).getAllByRole('cell')[0]).toHaveTextContent('Reseller Example Inc.');
    expect(within(mail).getByRole('link', { name: 'Reseller Example Inc.' })).toHaveAttribute(
      'href',
      '/resellers/UmVzZWxsZXI6MQ%3D%3D',
    );
  });

  it('reads the filters from the address and sends them to the API', () => {
    const api = mockApi({ Licenses: licenses([MAIL]), LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, {
      client: api.client,
      route: '/licenses',
      path: '/licenses?status=UNASSIGNED&product=smartermail&search=7KQ2',
    });

    expect(api.variablesOf('Licenses')).toEqual([
      {
        filter: { status: 'UNASSIGNED', productCode: 'smartermail', search: '7KQ2' },
        ...FIRST_PAGE,
        orderBy: { field: 'CREATED_AT', direction: 'DESC' },
      },
    ]);
    expect(screen.getByLabelText('Status')).toHaveDisplayValue('Unassigned');
    expect(screen.getByLabelText('Product')).toHaveDisplayValue('SmarterMail');
    expect(screen.getByLabelText('Search licenses')).toHaveValue('7KQ2');
  });

  it('reads sort, direction, page size and cursor from the address and sends them to the API', () => {
    const api = mockApi({ Licenses: licenses([MAIL], { hasNextPage: true }), LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, {
      client: api.client,
      route: '/licenses',
      path: '/licenses?status=ASSIGNED&sort=key&dir=desc&size=25&after=c50',
    });

    expect(api.variablesOf('Licenses')).toEqual([
      {
        filter: { status: 'ASSIGNED', productCode: null, search: null },
        first: 25,
        after: 'c50',
        last: null,
        before: null,
        orderBy: { field: 'KEY', direction: 'DESC' },
      },
    ]);
    expect(screen.getByRole('table', { name: 'Licenses, by key, Z to A' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Key' })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('columnheader', { name: 'Bought' })).toHaveAttribute('aria-sort', 'none');
    expect(screen.getByRole('columnheader', { name: 'Product' })).not.toHaveAttribute('aria-sort');
    expect(screen.getByLabelText('Rows per page')).toHaveDisplayValue('25');
    expect(screen.getByText('Showing 1 licenses.')).toBeInTheDocument();
  });

  it('asks for the page before a cursor with last and before', () => {
    const api = mockApi({ Licenses: licenses([MAIL], { hasPreviousPage: false }), LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, { client: api.client, route: '/licenses', path: '/licenses?before=c51' });

    expect(api.variablesOf('Licenses')).toEqual([
      { filter: NO_FILTER, first: 50, after: null, last: 50, before: 'c51', orderBy: NEWEST_FIRST },
    ]);
    expect(screen.getByText('Showing the first 1 licenses.')).toBeInTheDocument();
    expect(pagerLink('Previous page')).toHaveAttribute('aria-disabled', 'true');
    expect(pagerLink('Next page')).toHaveAttribute('href', '/licenses?after=end');
    expect(pagerLink('First page')).toHaveAttribute('href', '/licenses');
  });

  it('sorts by a column from its header, turning the order around, always from the first page', async () => {
    const api = mockApi({ Licenses: licenses([MAIL, TRACK], { hasNextPage: true }), LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, { client: api.client, route: '/licenses', path: '/licenses?status=ASSIGNED&after=c50' });

    await userEvent.click(within(screen.getByRole('columnheader', { name: 'Key' })).getByRole('link'));
    expect(currentLocation()).toBe('/licenses?status=ASSIGNED&sort=key');
    expect(api.variablesOf('Licenses').at(-1)).toEqual({
      filter: { status: 'ASSIGNED', productCode: null, search: null },
      ...FIRST_PAGE,
      orderBy: { field: 'KEY', direction: 'ASC' },
    });
    expect(screen.getByRole('columnheader', { name: 'Key' })).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(within(screen.getByRole('columnheader', { name: 'Key' })).getByRole('link'));
    expect(currentLocation()).toBe('/licenses?status=ASSIGNED&sort=key&dir=desc');
    expect(screen.getByRole('columnheader', { name: 'Key' })).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(within(screen.getByRole('columnheader', { name: 'Bought' })).getByRole('link'));
    expect(currentLocation()).toBe('/licenses?status=ASSIGNED');
    expect(api.variablesOf('Licenses').at(-1)).toMatchObject({ orderBy: NEWEST_FIRST, after: null });
  });

  it('goes to the next page and back through links that keep the view in the address', async () => {
    const api = mockApi({
      Licenses: (variables) =>
        variables.after
          ? licenses([TRACK], { hasNextPage: false })
          : licenses([MAIL], { hasNextPage: true, hasPreviousPage: variables.before !== null }),
      LicenseProducts: PRODUCTS,
    });
    renderView(<LicensesView />, { client: api.client, route: '/licenses', path: '/licenses?product=smartermail' });
    expect(screen.getByText('Showing the first 1 licenses.')).toBeInTheDocument();
    expect(pagerLink('Previous page')).toHaveAttribute('aria-disabled', 'true');
    expect(pagerLink('First page')).toHaveAttribute('aria-disabled', 'true');

    await userEvent.click(pagerLink('Next page'));
    expect(currentLocation()).toBe('/licenses?product=smartermail&after=end');
    expect(api.variablesOf('Licenses').at(-1)).toMatchObject({ first: 50, after: 'end', last: null, before: null });
    expect(rowOf(TRACK.key)).toBeInTheDocument();
    expect(screen.queryByRole('row', { name: new RegExp(`^${MAIL.key}`) })).not.toBeInTheDocument();
    expect(screen.getByText('Showing the last 1 licenses.')).toBeInTheDocument();
    expect(pagerLink('Next page')).toHaveAttribute('aria-disabled', 'true');

    await userEvent.click(pagerLink('Previous page'));
    expect(currentLocation()).toBe('/licenses?product=smartermail&before=start');
    expect(api.variablesOf('Licenses').at(-1)).toMatchObject({ last: 50, before: 'start', after: null });

    await userEvent.selectOptions(screen.getByLabelText('Rows per page'), '100');
    expect(currentLocation()).toBe('/licenses?product=smartermail&size=100');
  });

  it('puts each filter chosen in the address and asks the API again, from the first page', async () => {
    const api = mockApi({ Licenses: licenses([MAIL], { hasNextPage: true }), LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, { client: api.client, route: '/licenses', path: '/licenses?sort=key&after=c50' });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Unassigned');
    expect(currentLocation()).toBe('/licenses?status=UNASSIGNED&sort=key');

    await userEvent.selectOptions(screen.getByLabelText('Product'), 'SmarterTrack');
    expect(currentLocation()).toBe('/licenses?status=UNASSIGNED&product=smartertrack&sort=key');

    await userEvent.type(screen.getByLabelText('Search licenses'), ' 7kq2mx {Enter}');
    expect(currentLocation()).toBe('/licenses?status=UNASSIGNED&product=smartertrack&search=7kq2mx&sort=key');
    expect(api.variablesOf('Licenses').at(-1)).toEqual({
      filter: { status: 'UNASSIGNED', productCode: 'smartertrack', search: '7kq2mx' },
      ...FIRST_PAGE,
      orderBy: { field: 'KEY', direction: 'ASC' },
    });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'All');
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(currentLocation()).toBe('/licenses?product=smartertrack&sort=key');
  });

  it('says why the first page failed, with a Retry', async () => {
    const api = mockApi({
      Licenses: [{ error: new CombinedError({ networkError: new Error('offline') }) }, licenses([MAIL])],
      LicenseProducts: PRODUCTS,
    });
    renderView(<LicensesView />, { client: api.client, route: '/licenses' });

    expect(screen.getByRole('alert')).toHaveTextContent('Licenses could not be loaded.');
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(rowOf(MAIL.key)).toBeInTheDocument();
  });

  it('shows a skeleton of the table, busy, while the first page loads', () => {
    const api = mockApi({ LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, { client: api.client, route: '/licenses' });

    const table = screen.getByRole('table', { name: 'Licenses, newest first' });
    expect(table).toHaveAttribute('aria-busy', 'true');
    expect(within(table).getByRole('columnheader', { name: 'Key' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Loading licenses…');
  });

  it('says what to do when there are no licenses yet', () => {
    const api = mockApi({ Licenses: licenses([]), LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, { client: api.client, route: '/licenses' });

    expect(screen.getByText(/No licenses yet — buy some in the/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Shop' })).toHaveAttribute('href', '/shop');
  });

  it('tells a role that cannot shop who buys licenses, and a filtered list how to see everything', () => {
    const api = mockApi({ Licenses: licenses([]), LicenseProducts: PRODUCTS });
    renderView(<LicensesView />, {
      client: api.client,
      route: '/licenses',
      path: '/licenses?status=ASSIGNED',
      viewer: viewerWithRole('RESELLER_BILLING'),
    });

    expect(screen.getByText(/No license matches these filters/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute('href', '/licenses');
    expect(screen.queryByRole('link', { name: 'Modify existing license' })).not.toBeInTheDocument();
  });
});
