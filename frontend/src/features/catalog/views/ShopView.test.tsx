import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, type Client } from 'urql';
import { describe, expect, it } from 'vitest';
import type { Role, ShopCatalogQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import ShopView from './ShopView';

const CATALOG: ShopCatalogQuery = {
  products: [
    {
      id: 'UHJvZHVjdDox',
      code: 'smartermail',
      name: 'SmarterMail',
      unit: 'mailboxes',
      description: 'Email and collaboration server.',
      editions: [
        { id: 'e1', code: 'free', name: 'Free' },
        { id: 'e2', code: 'professional', name: 'Professional' },
        { id: 'e3', code: 'enterprise', name: 'Enterprise' },
      ],
      tiers: [
        { id: 't1', code: '10', name: '10 mailboxes', seats: 10 },
        { id: 't2', code: '250', name: '250 mailboxes', seats: 250 },
        { id: 't3', code: 'unlimited', name: 'Unlimited', seats: null },
      ],
      prices: [
        { edition: { code: 'free' }, tier: { code: '10' }, price: usd('0.00') },
        { edition: { code: 'professional' }, tier: { code: '250' }, price: usd('499.00') },
        { edition: { code: 'professional' }, tier: { code: 'unlimited' }, price: usd('1999.00') },
        { edition: { code: 'enterprise' }, tier: { code: '250' }, price: usd('1249.00') },
        { edition: { code: 'enterprise' }, tier: { code: 'unlimited' }, price: usd('4999.00') },
      ],
      addons: [
        {
          id: 'a1',
          code: 'activesync',
          name: 'Exchange ActiveSync',
          description: 'Per mailbox.',
          allowedEditions: [{ code: 'enterprise', name: 'Enterprise' }],
          prices: [
            { tier: { code: '250' }, yearlyPrice: usd('200.00') },
            { tier: { code: 'unlimited' }, yearlyPrice: usd('1000.00') },
          ],
        },
      ],
    },
    {
      id: 'UHJvZHVjdDoy',
      code: 'smartertrack',
      name: 'SmarterTrack',
      unit: 'agents',
      description: '',
      editions: [{ id: 'e4', code: 'professional', name: 'Professional' }],
      tiers: [{ id: 't4', code: '5', name: '5 agents', seats: 5 }],
      prices: [{ edition: { code: 'professional' }, tier: { code: '5' }, price: usd('299.00') }],
      addons: [],
    },
  ],
};

function renderShop(client: Client, role: Role = 'RESELLER_OWNER') {
  return renderView(<ShopView />, { client, route: '/shop', viewer: viewerWithRole(role) });
}

describe('ShopView', () => {
  it('shows each product with its list prices per edition and tier', () => {
    const { client } = mockApi({ ShopCatalog: { data: CATALOG } });

    renderShop(client);

    expect(screen.getByRole('heading', { level: 1, name: 'Shop' })).toBeInTheDocument();
    const mail = screen.getByRole('region', { name: 'SmarterMail' });
    expect(within(mail).getByText('mailboxes')).toBeInTheDocument();
    const table = within(mail).getByRole('table', { name: 'SmarterMail list prices' });
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Edition',
      '10 mailboxes',
      '250 mailboxes',
      'Unlimited',
    ]);
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      'Free',
      'Professional',
      'Enterprise',
    ]);
    const enterprise = within(table).getByRole('row', { name: /^Enterprise/ });
    expect(within(enterprise).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      '—not offered',
      '$1,249.00',
      '$4,999.00',
    ]);
    const free = within(table).getByRole('row', { name: /^Free/ });
    expect(within(free).getByRole('cell', { name: '$0.00' })).toBeInTheDocument();
    expect(within(free).getAllByRole('cell', { name: 'not offered' })).toHaveLength(2);
  });

  it('shows add-ons with the editions that allow them and their yearly prices', () => {
    const { client } = mockApi({ ShopCatalog: { data: CATALOG } });

    renderShop(client);

    const addons = screen.getByRole('table', { name: 'SmarterMail add-ons, yearly price per tier' });
    const row = within(addons).getByRole('row', { name: /Exchange ActiveSync/ });
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'Enterprise',
      '—not offered',
      '$200.00',
      '$1,000.00',
    ]);
    const track = screen.getByRole('region', { name: 'SmarterTrack' });
    expect(within(track).getByText('No add-ons are sold with SmarterTrack.')).toBeInTheDocument();
  });

  it('links each product to its page in the shop for those who may buy', async () => {
    const { client } = mockApi({ ShopCatalog: { data: CATALOG } });
    renderShop(client, 'RESELLER_PURCHASER');

    const buy = screen.getByRole('link', { name: 'Buy SmarterMail' });
    expect(buy).toHaveAttribute('href', '/shop/smartermail');
    expect(screen.getByRole('link', { name: 'Buy SmarterTrack' })).toHaveAttribute('href', '/shop/smartertrack');
    await userEvent.click(buy);

    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent('/shop/smartermail');
  });

  it.each<Role>(['VENDOR_ADMIN', 'RESELLER_BILLING', 'RESELLER_VIEWER'])(
    'shows %s the prices without a Buy link',
    (role) => {
      const { client } = mockApi({ ShopCatalog: { data: CATALOG } });
      renderShop(client, role);

      expect(screen.getByRole('table', { name: 'SmarterMail list prices' })).toBeInTheDocument();
      expect(screen.queryByRole('link', { name: /^Buy/ })).not.toBeInTheDocument();
      expect(screen.getByText('List prices per edition and seat tier.')).toBeInTheDocument();
    },
  );

  it('tells that the catalog is loading', () => {
    const { client } = mockApi({});

    renderShop(client);

    expect(screen.getByRole('status')).toHaveTextContent('Loading the catalog…');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('tells when the catalog is empty', () => {
    const { client } = mockApi({ ShopCatalog: { data: { products: [] } } });

    renderShop(client);

    expect(screen.getByText('The catalog is empty.')).toBeInTheDocument();
  });

  it('shows the error and retries from the network', async () => {
    const failure = new CombinedError({ networkError: new Error('Failed to fetch') });
    const { client, executeQuery } = mockApi({ ShopCatalog: [{ error: failure }, { data: CATALOG }] });
    renderShop(client);

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The catalog could not be loaded. The server could not be reached.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(executeQuery).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.objectContaining({ requestPolicy: 'network-only' }),
    );
    expect(await screen.findByRole('table', { name: 'SmarterMail list prices' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the server’s message when the query fails and answers no data', () => {
    const failure = new CombinedError({
      graphQLErrors: [{ message: 'Your role does not allow this.', extensions: { code: 'FORBIDDEN' } }],
    });
    const { client } = mockApi({ ShopCatalog: { data: null, error: failure } });

    renderShop(client);

    expect(screen.getByRole('alert')).toHaveTextContent('The catalog could not be loaded. Your role does not allow this.');
  });
});
