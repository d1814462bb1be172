import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LicenseProductsQuery, LicensesQuery } from '../../../gql/graphql';
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

function licenses(nodes: LicenseNode[], hasNextPage = false): { data: LicensesQuery } {
  return {
    data: {
      licenses: {
        edges: nodes.map((node) => ({ node })),
        pageInfo: { hasNextPage, endCursor: hasNextPage ? 'c1' : null },
      },
    },
  };
}

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
      { filter: { status: 'UNASSIGNED', productCode: 'smartermail', search: '7KQ2' }, first: 50, after: null },
    ]);
    expect(screen.getByLabelText('Status')).toHaveDisplayValue('Unassigned');
    expect(screen.getByLabelText('Product')).toHaveDisplayValue('SmarterMail');
    expect(screen.getByLabelText('Search licenses')).toHaveValue('7KQ2');
  });

  it('puts each filter chosen in the address and asks the API again, from the first page', async () => {
    const api = mockApi({
      Licenses: (variables) => (variables.after ? licenses([TRACK]) : licenses([MAIL], true)),
      LicenseProducts: PRODUCTS,
    });
    renderView(<LicensesView />, { client: api.client, route: '/licenses' });
    expect(api.variablesOf('Licenses').at(-1)).toEqual({
      filter: { status: null, productCode: null, search: null },
      first: 50,
      after: null,
    });

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(api.variablesOf('Licenses').at(-1)).toMatchObject({ after: 'c1' });
    expect(screen.getByText('Showing 2 licenses, all there are.')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Unassigned');
    expect(currentLocation()).toBe('/licenses?status=UNASSIGNED');

    await userEvent.selectOptions(screen.getByLabelText('Product'), 'SmarterTrack');
    expect(currentLocation()).toBe('/licenses?status=UNASSIGNED&product=smartertrack');

    await userEvent.type(screen.getByLabelText('Search licenses'), ' 7kq2mx {Enter}');
    expect(currentLocation()).toBe('/licenses?status=UNASSIGNED&product=smartertrack&search=7kq2mx');
    expect(api.variablesOf('Licenses').at(-1)).toEqual({
      filter: { status: 'UNASSIGNED', productCode: 'smartertrack', search: '7kq2mx' },
      first: 50,
      after: null,
    });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'All');
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(currentLocation()).toBe('/licenses?product=smartertrack');
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
    expect(screen.getByRole('link', { name: 'Show all licenses' })).toHaveAttribute('href', '/licenses');
    expect(screen.queryByRole('link', { name: 'Modify existing license' })).not.toBeInTheDocument();
  });
});
