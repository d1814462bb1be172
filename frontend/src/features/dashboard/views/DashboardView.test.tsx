import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import { BILLING_DASHBOARD, DASHBOARD, ENDING_KEY } from '../testData';
import DashboardView from './DashboardView';

const ADDED = {
  data: {
    addMaintenanceToCart: {
      cartLine: {
        id: 'Q2FydExpbmU6MQ==',
        description: `M&S renewal of ${ENDING_KEY}`,
        quantity: 1,
        total: usd('199.80'),
      },
      cart: { licenseCount: 1, total: usd('199.80') },
      userErrors: [],
    },
  },
};

function card(name: string) {
  return screen.getByRole('region', { name });
}

describe('DashboardView', () => {
  it('shows each card’s figure and where its details are', () => {
    const api = mockApi({ Dashboard: DASHBOARD });
    renderView(<DashboardView />, { client: api.client });

    expect(api.variablesOf('Dashboard')).toEqual([{ maintenanceEndingFirst: 5, activityFirst: 8 }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(card('Unassigned licenses')).toHaveTextContent('4');
    expect(within(card('Unassigned licenses')).getByRole('link', { name: 'Assign them' })).toHaveAttribute(
      'href',
      '/licenses?status=UNASSIGNED',
    );
    expect(card('Amount due')).toHaveTextContent('$2,299.70');
    expect(card('Amount due')).toHaveTextContent('$100.00 overdue');
    expect(card('Amount due')).toHaveTextContent(/Next due .*2026/);
    expect(within(card('Amount due')).getByRole('link', { name: 'See invoices' })).toHaveAttribute('href', '/invoices');
    expect(card('M&S ending in 60 days')).toHaveTextContent('7');
    expect(card('Purchases this month')).toHaveTextContent('$799.20');
    expect(card('Purchases this month')).toHaveTextContent('2 orders');
    expect(within(card('Purchases this month')).getByRole('link', { name: 'See orders' })).toHaveAttribute(
      'href',
      '/orders',
    );

    const row = within(card('M&S ending soon')).getByRole('row', { name: new RegExp(ENDING_KEY) });
    expect(row).toHaveTextContent('SmarterMail');
    expect(row).toHaveTextContent('ana@customer.example');
    expect(card('M&S ending soon')).toHaveTextContent('And 6 more');

    const activity = card('Recent activity');
    expect(activity).toHaveTextContent('Order placed');
    expect(activity).toHaveTextContent('ORD-2026-000012');
    expect(activity).toHaveTextContent('owner@reseller.example');
    expect(within(activity).getByRole('link', { name: 'See the audit log' })).toHaveAttribute(
      'href',
      '/account/audit-log',
    );
  });

  it('leaves out the cards whose figures the viewer may not see', () => {
    renderView(<DashboardView />, {
      client: mockApi({ Dashboard: BILLING_DASHBOARD }).client,
      viewer: viewerWithRole('RESELLER_BILLING'),
    });

    expect(card('Amount due')).toBeInTheDocument();
    expect(card('Purchases this month')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Unassigned licenses' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'M&S ending in 60 days' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'M&S ending soon' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Recent activity' })).not.toBeInTheDocument();
  });

  it('puts a year of M&S in the cart with one click, and says so with the way to the cart', async () => {
    const user = userEvent.setup();
    const api = mockApi({ Dashboard: DASHBOARD, AddMaintenanceToCart: ADDED });
    renderView(<DashboardView />, { client: api.client });

    await user.click(screen.getByRole('button', { name: `Renew M&S of ${ENDING_KEY}` }));

    expect(api.variablesOf('AddMaintenanceToCart')).toEqual([{ input: { licenseKey: ENDING_KEY, years: 1 } }]);
    const added = screen.getByRole('region', { name: 'Added to your cart' });
    expect(added).toHaveTextContent(`M&S renewal of ${ENDING_KEY}: $199.80 after your discount`);
    expect(within(added).getByRole('heading', { name: 'Added to your cart' })).toHaveFocus();
    expect(within(added).getByRole('link', { name: 'Go to cart' })).toHaveAttribute('href', '/cart');
    expect(screen.queryByRole('button', { name: `Renew M&S of ${ENDING_KEY}` })).not.toBeInTheDocument();
    expect(screen.getByRole('row', { name: new RegExp(ENDING_KEY) })).toHaveTextContent('In your cart');
  });

  it('shows why a renewal could not be added beside its license', async () => {
    const user = userEvent.setup();
    const refused = {
      data: {
        addMaintenanceToCart: {
          cartLine: null,
          cart: null,
          userErrors: [{ code: 'CONFLICT', message: 'M&S for this license is already in your cart.', field: null }],
        },
      },
    };
    renderView(<DashboardView />, {
      client: mockApi({ Dashboard: DASHBOARD, AddMaintenanceToCart: refused }).client,
    });

    const renew = screen.getByRole('button', { name: `Renew M&S of ${ENDING_KEY}` });
    await user.click(renew);

    expect(renew).toHaveAccessibleDescription('M&S for this license is already in your cart.');
    expect(screen.queryByRole('region', { name: 'Added to your cart' })).not.toBeInTheDocument();
  });

  it('offers no Renew to those who may not buy', () => {
    renderView(<DashboardView />, {
      client: mockApi({ Dashboard: DASHBOARD }).client,
      viewer: viewerWithRole('RESELLER_VIEWER'),
    });

    expect(screen.getByRole('row', { name: new RegExp(ENDING_KEY) })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Renew/ })).not.toBeInTheDocument();
  });

  it('shows the chart’s figures as a table on request', async () => {
    const user = userEvent.setup();
    renderView(<DashboardView />, { client: mockApi({ Dashboard: DASHBOARD }).client });

    const chart = screen.getByRole('img', { name: /^Purchases by product/ });
    expect(chart).toHaveAccessibleName(
      'Purchases by product, April 2025 to March 2026: $2,299.70 in all; the most in January 2026, $1,500.50.',
    );
    expect(screen.queryByRole('table', { name: 'Purchases by product and month' })).not.toBeInTheDocument();

    const toggle = screen.getByRole('button', { name: 'Show as table' });
    await user.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const table = screen.getByRole('table', { name: 'Purchases by product and month' });
    const headers = within(table).getAllByRole('columnheader').map((header) => header.textContent);
    expect(headers).toEqual(['Month', 'SmarterMail', 'SmarterTrack', 'Total']);
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    expect(within(table).getByRole('row', { name: /January 2026/ })).toHaveTextContent(
      'January 2026$500.25$1,000.25$1,500.50',
    );
    expect(within(table).getByRole('row', { name: /March 2026/ })).toHaveTextContent('March 2026$799.20–$799.20');
    expect(within(screen.getByRole('list', { name: 'Products' })).getAllByRole('listitem')).toHaveLength(2);
  });

  it('says what to do when nothing was bought yet', () => {
    const empty = {
      data: {
        dashboard: {
          ...DASHBOARD.data.dashboard,
          unassignedLicenses: 0,
          maintenanceEndingCount: 0,
          maintenanceEnding: [],
          purchasesThisMonth: usd('0.00'),
          ordersThisMonth: 0,
          monthlyPurchases: DASHBOARD.data.dashboard.monthlyPurchases?.map((month) => ({
            ...month,
            total: usd('0.00'),
            byProduct: [],
          })),
          recentActivity: [],
        },
      },
    };
    renderView(<DashboardView />, { client: mockApi({ Dashboard: empty }).client });

    expect(card('Purchases, last 12 months')).toHaveTextContent('Nothing bought in the last 12 months');
    expect(within(card('Purchases, last 12 months')).getByRole('link', { name: 'visit the Shop' })).toHaveAttribute(
      'href',
      '/shop',
    );
    expect(card('M&S ending soon')).toHaveTextContent('No license’s M&S ends in the next 60 days.');
    expect(card('Purchases this month')).toHaveTextContent('No orders yet this month.');
    expect(screen.queryByRole('img')).not.toBeInTheDocument();
  });

  it('says it is loading, then why it failed, with a Retry', async () => {
    const user = userEvent.setup();
    const failed = { error: new CombinedError({ networkError: new Error('offline') }) };
    const api = mockApi({ Dashboard: [failed, DASHBOARD] });
    renderView(<DashboardView />, { client: api.client });

    expect(screen.getByRole('alert')).toHaveTextContent('Your dashboard could not be loaded.');
    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(card('Unassigned licenses')).toHaveTextContent('4');
  });

  it('shows grey cards while the figures are on their way', () => {
    renderView(<DashboardView />, { client: mockApi({}).client });

    expect(screen.getByRole('status')).toHaveTextContent('Loading your dashboard…');
  });
});
