import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { OrdersQuery } from '../../../gql/graphql';
import { connectionOf } from '../../../test/connection';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import OrdersView from './OrdersView';

const ORDERS: { data: OrdersQuery } = {
  data: {
    orders: {
      edges: [
        {
          node: {
            id: 'T3JkZXI6MQ==',
            number: 'ORD-2026-000001',
            placedAt: '2026-11-27T12:00:00+00:00',
            placedBy: 'purchaser@reseller.example',
            paymentMethod: 'PAY_ON_ORDER',
            reseller: { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' },
            total: { amount: '1998.40', currency: 'USD' },
            invoice: { id: 'SW52b2ljZTox', number: 'INV-2026-000001', status: 'PAID' },
          },
        },
      ],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: 'c1' },
    },
  },
};

describe('OrdersView', () => {
  it('lists the orders, each linking to its page and to its invoice', () => {
    const api = mockApi({ Orders: ORDERS });
    renderView(<OrdersView />, { client: api.client, route: '/orders' });

    const row = screen.getByRole('row', { name: /^ORD-2026-000001/ });
    expect(within(row).getByRole('link', { name: 'ORD-2026-000001' })).toHaveAttribute(
      'href',
      '/orders/T3JkZXI6MQ%3D%3D',
    );
    expect(row).toHaveTextContent('purchaser@reseller.example');
    expect(row).toHaveTextContent('Paid by card');
    expect(row).toHaveTextContent('$1,998.40');
    expect(within(row).getByRole('link', { name: 'INV-2026-000001' })).toHaveAttribute(
      'href',
      '/invoices/SW52b2ljZTox',
    );
    expect(row).toHaveTextContent('Paid');
    expect(api.variablesOf('Orders')).toEqual([
      {
        search: null,
        paymentMethod: null,
        first: 50,
        after: null,
        last: null,
        before: null,
        orderBy: { field: 'PLACED_AT', direction: 'DESC' },
      },
    ]);
    expect(screen.queryByRole('columnheader', { name: 'Reseller' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Reseller Example Inc.' })).not.toBeInTheDocument();
  });

  it('names each order’s reseller for the vendor, linking to the reseller’s page', () => {
    const api = mockApi({ Orders: ORDERS });
    renderView(<OrdersView />, { client: api.client, route: '/orders', viewer: viewerWithRole('VENDOR_ADMIN') });

    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Order',
      'Reseller',
      'Placed',
      'Placed by',
      'Payment',
      'Total',
      'Invoice',
    ]);
    const row = screen.getByRole('row', { name: /^ORD-2026-000001/ });
    expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('Reseller Example Inc.');
    expect(within(row).getByRole('link', { name: 'Reseller Example Inc.' })).toHaveAttribute(
      'href',
      '/resellers/UmVzZWxsZXI6MQ%3D%3D',
    );
  });

  it('shows no invoice column to a role that may not see invoices', () => {
    const api = mockApi({
      Orders: {
        data: {
          orders: {
            ...ORDERS.data.orders,
            edges: ORDERS.data.orders.edges.map(({ node }) => ({ node: { ...node, invoice: null } })),
          },
        },
      },
    });
    renderView(<OrdersView />, {
      client: api.client,
      route: '/orders',
      viewer: viewerWithRole('RESELLER_PURCHASER'),
    });

    expect(screen.getByRole('link', { name: 'ORD-2026-000001' })).toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Invoice' })).not.toBeInTheDocument();
  });

  it('sends a role that shops to the Shop when there are no orders yet', () => {
    const api = mockApi({ Orders: { data: { orders: connectionOf([]) } } });
    renderView(<OrdersView />, { client: api.client, route: '/orders' });

    expect(screen.getByText(/No orders yet — buy licenses in the/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Shop' })).toHaveAttribute('href', '/shop');
  });

  it('searches by number, filters by payment and sorts by a column, the view in the address', async () => {
    const api = mockApi({ Orders: ORDERS });
    renderView(<OrdersView />, { client: api.client, route: '/orders', path: '/orders?sort=total&dir=asc' });
    expect(api.variablesOf('Orders')[0]).toMatchObject({ orderBy: { field: 'TOTAL', direction: 'ASC' } });
    expect(screen.getByRole('table', { name: 'Orders, smallest total first' })).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: 'Total' })).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.selectOptions(screen.getByLabelText('Payment'), 'Monthly invoice');
    await userEvent.type(screen.getByLabelText('Search orders'), 'ORD-2026{Enter}');
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(
      /^\/orders\?search=ORD-2026&payment=INVOICE&sort=total&dir=asc$/,
    );
    expect(api.variablesOf('Orders').at(-1)).toMatchObject({ search: 'ORD-2026', paymentMethod: 'INVOICE' });

    await userEvent.click(screen.getByRole('link', { name: 'Placed' }));
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(
      /^\/orders\?search=ORD-2026&payment=INVOICE$/,
    );
  });

  it('offers to clear the filters when no order matches them', () => {
    const api = mockApi({ Orders: { data: { orders: connectionOf([]) } } });
    renderView(<OrdersView />, { client: api.client, route: '/orders', path: '/orders?search=nothing&sort=number' });

    expect(screen.getByText(/No order matches these filters/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute('href', '/orders?sort=number');
  });
});
