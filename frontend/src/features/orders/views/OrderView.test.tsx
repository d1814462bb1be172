import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { OrderQuery } from '../../../gql/graphql';
import { formatLocalDate } from '../../../lib/dates';
import { BILLING } from '../../../test/billing';
import { mockApi } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import OrderView from './OrderView';

type OrderNode = Extract<NonNullable<OrderQuery['node']>, { __typename: 'Order' }>;

const ORDER: OrderNode = {
  __typename: 'Order',
  id: 'T3JkZXI6MQ==',
  number: 'ORD-2026-000001',
  placedAt: '2026-11-27T12:00:00+00:00',
  placedBy: 'owner@reseller.example',
  paymentMethod: 'INVOICE',
  reseller: { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' },
  discountPercent: '20.00',
  subtotal: usd('2498.00'),
  discount: usd('499.60'),
  total: usd('1998.40'),
  billing: BILLING,
  lines: [
    {
      position: 1,
      kind: 'NEW_LICENSE',
      years: null,
      license: null,
      change: null,
      description: 'SmarterMail Enterprise, 250 mailboxes',
      quantity: 2,
      unitPrice: usd('1249.00'),
      subtotal: usd('2498.00'),
      discount: usd('499.60'),
      total: usd('1998.40'),
    },
  ],
  invoice: {
    id: 'SW52b2ljZTox',
    number: 'INV-2026-000001',
    status: 'PENDING_SUMMARY',
    dueAt: null,
    total: usd('1998.40'),
    amountDue: usd('1998.40'),
    notes: 'This invoice will be summarized in the monthly summarized invoice and does not need to be paid immediately.',
  },
  licenses: [
    {
      id: 'TGljZW5zZTox',
      key: 'AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF',
      product: { name: 'SmarterMail' },
      edition: { name: 'Enterprise' },
      tier: { name: '250 mailboxes' },
    },
    {
      id: 'TGljZW5zZToy',
      key: 'GGGGGG-HHHHHH-JJJJJJ-KKKKKK-MMMMMM-NNNNNN',
      product: { name: 'SmarterMail' },
      edition: { name: 'Enterprise' },
      tier: { name: '250 mailboxes' },
    },
  ],
};

const KEY = 'AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF';

/** The license of KEY before the order changed it. */
const BEFORE = {
  edition: { code: 'professional', name: 'Professional' },
  tier: { code: '250', name: '250 mailboxes' },
  addons: [],
  maintenanceExpiresAt: '2027-11-27T12:00:00+00:00',
  revision: 1,
};

/** The same order had it renewed M&S of one of its licenses instead. */
const RENEWAL_ORDER: OrderNode = {
  ...ORDER,
  lines: [
    {
      position: 1,
      kind: 'MAINTENANCE_RENEWAL',
      years: 2,
      license: { id: 'TGljZW5zZTox', key: KEY },
      change: { before: BEFORE, after: { ...BEFORE, maintenanceExpiresAt: '2029-11-27T12:00:00+00:00' } },
      description: `SmarterMail Enterprise, 250 mailboxes: M&S renewal, 2 years, until 2029-11-27; key ${KEY}`,
      quantity: 1,
      unitPrice: usd('1249.00'),
      subtotal: usd('1249.00'),
      discount: usd('249.80'),
      total: usd('999.20'),
    },
  ],
  licenses: [],
};

/** The same order had it upgraded the license instead: a higher edition and tier, and an add-on. */
const UPGRADE_ORDER: OrderNode = {
  ...RENEWAL_ORDER,
  lines: [
    {
      position: 1,
      kind: 'UPGRADE',
      years: null,
      license: { id: 'TGljZW5zZTox', key: KEY },
      change: {
        before: BEFORE,
        after: {
          ...BEFORE,
          edition: { code: 'enterprise', name: 'Enterprise' },
          tier: { code: '1000', name: '1000 mailboxes' },
          addons: [{ code: 'activesync', name: 'Exchange ActiveSync' }],
          revision: 2,
        },
      },
      description: `SmarterMail Professional, 250 mailboxes → Enterprise, 1000 mailboxes + Exchange ActiveSync; key ${KEY}`,
      quantity: 1,
      unitPrice: usd('1249.00'),
      subtotal: usd('1249.00'),
      discount: usd('249.80'),
      total: usd('999.20'),
    },
  ],
};

function panel(name: string) {
  return screen.getByRole('region', { name });
}

describe('OrderView', () => {
  it('shows the lines with prices and totals, the invoice, the issued keys and the billing details', () => {
    const api = mockApi({ Order: { data: { node: ORDER } } });
    renderView(<OrderView />, {
      client: api.client,
      route: '/orders/:orderId',
      path: '/orders/T3JkZXI6MQ%3D%3D',
    });

    expect(api.variablesOf('Order')).toEqual([{ id: 'T3JkZXI6MQ==' }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Order ORD-2026-000001' })).toBeInTheDocument();
    expect(screen.getByText('Placed by', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      'owner@reseller.example',
    );
    expect(screen.getByText('Payment', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Monthly invoice');

    const lines = within(panel('Lines')).getByRole('table', { name: 'Lines of order ORD-2026-000001' });
    const line = within(lines).getByRole('row', { name: /SmarterMail Enterprise, 250 mailboxes/ });
    expect(within(line).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'SmarterMail Enterprise, 250 mailboxes',
      '2',
      '$1,249.00',
      '$2,498.00',
      '−minus $499.60',
      '$1,998.40',
    ]);
    expect(within(lines).getByRole('row', { name: 'Subtotal $2,498.00' })).toBeInTheDocument();
    expect(within(lines).getByRole('row', { name: 'Discount (20%) minus $499.60' })).toBeInTheDocument();
    expect(within(lines).getByRole('row', { name: 'Total $1,998.40' })).toBeInTheDocument();

    const invoice = panel('Invoice');
    expect(within(invoice).getByRole('link', { name: 'INV-2026-000001' })).toHaveAttribute(
      'href',
      '/invoices/SW52b2ljZTox',
    );
    expect(invoice).toHaveTextContent('Pending summary');
    expect(invoice).toHaveTextContent('will be summarized in the monthly summarized invoice');

    const keys = within(panel('Licenses issued')).getAllByRole('link');
    expect(keys.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF', '/licenses/AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF'],
      ['GGGGGG-HHHHHH-JJJJJJ-KKKKKK-MMMMMM-NNNNNN', '/licenses/GGGGGG-HHHHHH-JJJJJJ-KKKKKK-MMMMMM-NNNNNN'],
    ]);

    const billing = panel('Billing details');
    expect(billing).toHaveTextContent('Reseller Example Inc.');
    expect(billing).toHaveTextContent('1 Main Street, 12345 Springfield, IL, US');
    expect(billing).toHaveTextContent('billing@reseller.example');
    expect(screen.queryByText('Reseller', { selector: 'dt' })).not.toBeInTheDocument();
  });

  it('names the order’s reseller for the vendor, linking to the reseller’s page', () => {
    const api = mockApi({ Order: { data: { node: ORDER } } });
    renderView(<OrderView />, {
      client: api.client,
      route: '/orders/:orderId',
      path: '/orders/T3JkZXI6MQ%3D%3D',
      viewer: viewerWithRole('VENDOR_ADMIN'),
    });

    const reseller = screen.getByText('Reseller', { selector: 'dt' }).nextElementSibling as HTMLElement;
    expect(reseller).toHaveTextContent('Reseller Example Inc.');
    expect(within(reseller).getByRole('link')).toHaveAttribute('href', '/resellers/UmVzZWxsZXI6MQ%3D%3D');
  });

  it('leaves the invoice out for a role that may not see invoices', () => {
    const api = mockApi({ Order: { data: { node: { ...ORDER, invoice: null } } } });
    renderView(<OrderView />, {
      client: api.client,
      route: '/orders/:orderId',
      path: '/orders/T3JkZXI6MQ%3D%3D',
      viewer: viewerWithRole('RESELLER_PURCHASER'),
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Order ORD-2026-000001' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Invoice' })).not.toBeInTheDocument();
    expect(screen.queryByText(/INV-/)).not.toBeInTheDocument();
  });

  it('shows what an M&S line renewed: its kind, the license linked, the years and the M&S expiry before and after', () => {
    const api = mockApi({ Order: { data: { node: RENEWAL_ORDER } } });
    renderView(<OrderView />, { client: api.client, route: '/orders/:orderId', path: '/orders/T3JkZXI6MQ%3D%3D' });

    const lines = within(panel('Lines')).getByRole('table', { name: 'Lines of order ORD-2026-000001' });
    const item = within(lines).getAllByRole('row')[1]?.querySelector('td');
    expect(item).toHaveTextContent(
      `M&S renewal${RENEWAL_ORDER.lines[0]?.description ?? ''}License ${KEY}2 years of M&S` +
        `M&S until ${formatLocalDate('2027-11-27T12:00:00+00:00')} → ${formatLocalDate('2029-11-27T12:00:00+00:00')}`,
    );
    expect(item).not.toHaveTextContent('Revision');
    expect(item).not.toHaveTextContent('Add-ons');
    expect(within(lines).getByRole('link', { name: KEY })).toHaveAttribute('href', `/licenses/${KEY}`);
    expect(panel('Licenses issued')).toHaveTextContent('This order issued no new licenses.');
  });

  it('shows what an upgrade changed: edition and tier, the add-ons added and the revision, not the unchanged M&S', () => {
    const api = mockApi({ Order: { data: { node: UPGRADE_ORDER } } });
    renderView(<OrderView />, { client: api.client, route: '/orders/:orderId', path: '/orders/T3JkZXI6MQ%3D%3D' });

    const lines = within(panel('Lines')).getByRole('table', { name: 'Lines of order ORD-2026-000001' });
    const item = within(lines).getAllByRole('row')[1]?.querySelector('td');
    expect(item).toHaveTextContent(
      `License ${KEY}` +
        'Professional, 250 mailboxes → Enterprise, 1000 mailboxes' +
        'Add-ons: + Exchange ActiveSync' +
        'Revision 1 → 2',
    );
    expect(item).not.toHaveTextContent('M&S until');
  });

  it('shows a not-found page for an id that is not an order of the account', () => {
    const api = mockApi({ Order: { data: { node: null } } });
    renderView(<OrderView />, { client: api.client, route: '/orders/:orderId', path: '/orders/nope' });

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
