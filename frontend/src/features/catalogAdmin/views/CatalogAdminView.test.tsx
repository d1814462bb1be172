import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CatalogAdminQuery, UpdateCatalogPriceMutation } from '../../../gql/graphql';
import { canUse, mainNavigationFor } from '../../../session/access';
import type { Answer } from '../../../test/mockApi';
import { mockApi } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import CatalogAdminView from './CatalogAdminView';

const MAIL: CatalogAdminQuery['products'][number] = {
  id: 'UHJvZHVjdDox',
  code: 'smartermail',
  name: 'SmarterMail',
  unit: 'mailboxes',
  editions: [
    { id: 'e1', code: 'free', name: 'Free' },
    { id: 'e2', code: 'professional', name: 'Professional' },
  ],
  tiers: [
    { id: 't1', code: '10', name: '10 mailboxes' },
    { id: 't2', code: '250', name: '250 mailboxes' },
  ],
  prices: [
    { edition: { code: 'free' }, tier: { code: '10' }, price: usd('0.00') },
    { edition: { code: 'professional' }, tier: { code: '250' }, price: usd('399.00') },
  ],
  addons: [
    {
      id: 'a1',
      code: 'activesync',
      name: 'Exchange ActiveSync',
      allowedEditions: [{ code: 'professional', name: 'Professional' }],
      prices: [{ tier: { code: '250' }, yearlyPrice: usd('250.00') }],
    },
  ],
};

const CATALOG: { data: CatalogAdminQuery } = {
  data: {
    products: [MAIL],
    maintenancePolicy: {
      termMonths: 12,
      renewalPercent: '50',
      graceDays: 30,
      reinstatementFeePercent: '20',
    },
  },
};

const vendor = {
  ...viewerWithRole('VENDOR_ADMIN'),
  permissions: [...viewerWithRole('VENDOR_ADMIN').permissions, 'CATALOG_MANAGE' as const],
};

function priceSaved(product: CatalogAdminQuery['products'][number] = MAIL): Answer {
  const data: UpdateCatalogPriceMutation = { updateCatalogPrice: { product, userErrors: [] } };
  return { data };
}

function renderCatalog(answers: Record<string, Answer | Answer[]>) {
  const api = mockApi({ CatalogAdmin: CATALOG, ...answers });
  renderView(<CatalogAdminView />, { client: api.client, route: '/catalog', viewer: vendor });
  return api;
}

describe('CatalogAdminView', () => {
  it('is for viewers who may manage the catalog', () => {
    expect(canUse(vendor, 'catalog')).toBe(true);
    expect(mainNavigationFor(vendor).map((link) => link.label)).toContain('Catalog');
    for (const role of ['RESELLER_OWNER', 'RESELLER_PURCHASER', 'CUSTOMER'] as const) {
      expect(canUse(viewerWithRole(role), 'catalog')).toBe(false);
    }
  });

  it('shows every list price and add-on price in an input of its own', () => {
    renderCatalog({});

    expect(screen.getByRole('heading', { level: 1, name: 'Catalog' })).toBeInTheDocument();
    const mail = screen.getByRole('region', { name: 'SmarterMail' });
    const grid = within(mail).getByRole('table', { name: 'SmarterMail list prices' });
    expect(within(grid).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Edition',
      '10 mailboxes',
      '250 mailboxes',
    ]);
    expect(within(grid).getByLabelText('Professional, 250 mailboxes list price')).toHaveValue('399.00');
    expect(within(grid).getByLabelText('Free, 10 mailboxes list price')).toHaveValue('0.00');
    const notOffered = within(grid).getByLabelText('Free, 250 mailboxes list price');
    expect(notOffered).toHaveValue('');
    expect(notOffered).toHaveAccessibleDescription('Not offered');
    const addons = within(mail).getByRole('table', { name: 'SmarterMail add-ons, yearly price per tier' });
    expect(within(addons).getByLabelText('Exchange ActiveSync, 250 mailboxes yearly price')).toHaveValue('250.00');
    expect(within(addons).getByRole('rowheader')).toHaveTextContent('With Professional');
  });

  it('saves a list price on its own and says so', async () => {
    const api = renderCatalog({ UpdateCatalogPrice: priceSaved() });
    const field = screen.getByLabelText('Professional, 250 mailboxes list price');

    await userEvent.clear(field);
    await userEvent.type(field, '449.50');
    await userEvent.click(screen.getByRole('button', { name: 'Save Professional, 250 mailboxes list price' }));

    expect(api.variablesOf('UpdateCatalogPrice')).toEqual([
      { input: { productCode: 'smartermail', editionCode: 'professional', tier: '250', price: '449.50' } },
    ]);
    expect(
      await screen.findByText('SmarterMail: Professional, 250 mailboxes list price saved.'),
    ).toBeInTheDocument();
  });

  it('saves an add-on’s yearly price for a tier, with Enter', async () => {
    const api = renderCatalog({ UpdateCatalogPrice: priceSaved() });
    const field = screen.getByLabelText('Exchange ActiveSync, 250 mailboxes yearly price');

    await userEvent.clear(field);
    await userEvent.type(field, '275{Enter}');

    expect(api.variablesOf('UpdateCatalogPrice')).toEqual([
      { input: { productCode: 'smartermail', addonCode: 'activesync', tier: '250', price: '275' } },
    ]);
  });

  it('checks the amount before sending it', async () => {
    const api = renderCatalog({ UpdateCatalogPrice: priceSaved() });
    const field = screen.getByLabelText('Free, 250 mailboxes list price');

    await userEvent.click(screen.getByRole('button', { name: 'Save Free, 250 mailboxes list price' }));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Error: Enter a price, such as 399.00.'));

    await userEvent.type(field, '12.345');
    await userEvent.click(screen.getByRole('button', { name: 'Save Free, 250 mailboxes list price' }));
    expect(field).toHaveAccessibleDescription(expect.stringContaining('at most two decimals'));
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(api.executeMutation).not.toHaveBeenCalled();
  });

  it('shows the server’s problem with a price on its field, and others above it', async () => {
    const refused: UpdateCatalogPriceMutation = {
      updateCatalogPrice: {
        product: null,
        userErrors: [
          { code: 'INVALID', message: 'A price is at most 1,000,000.00.', field: ['input', 'price'] },
          { code: 'NOT_FOUND', message: 'SmarterMail has no such tier.', field: ['input', 'tier'] },
        ],
      },
    };
    renderCatalog({ UpdateCatalogPrice: { data: refused } });
    const field = screen.getByLabelText('Professional, 250 mailboxes list price');

    await userEvent.clear(field);
    await userEvent.type(field, '1000000');
    await userEvent.click(screen.getByRole('button', { name: 'Save Professional, 250 mailboxes list price' }));

    expect(field).toHaveAccessibleDescription('Error: A price is at most 1,000,000.00.');
    const cell = field.closest('td');
    expect(cell).not.toBeNull();
    expect(within(cell as HTMLElement).getByRole('alert')).toHaveTextContent('SmarterMail has no such tier.');
    expect(screen.queryByText(/saved\.$/)).not.toBeInTheDocument();
    // the other prices are not affected
    expect(screen.getByLabelText('Free, 10 mailboxes list price')).not.toHaveAttribute('aria-invalid');
  });

  it('changes the M&S policy', async () => {
    const api = renderCatalog({
      UpdateMaintenancePolicy: {
        data: {
          updateMaintenancePolicy: {
            maintenancePolicy: { termMonths: 24, renewalPercent: '45', graceDays: 30, reinstatementFeePercent: '20' },
            userErrors: [],
          },
        },
      },
    });
    const form = screen.getByRole('form', { name: 'Maintenance & Support policy' });
    expect(within(form).getByLabelText('Grace period (days)')).toHaveValue('30');

    await userEvent.clear(within(form).getByLabelText('M&S term (months)'));
    await userEvent.type(within(form).getByLabelText('M&S term (months)'), '24');
    await userEvent.clear(within(form).getByLabelText('Renewal (% of list price)'));
    await userEvent.type(within(form).getByLabelText('Renewal (% of list price)'), '45');
    await userEvent.click(within(form).getByRole('button', { name: 'Save policy' }));

    expect(api.variablesOf('UpdateMaintenancePolicy')).toEqual([
      { input: { termMonths: 24, renewalPercent: '45', graceDays: 30, reinstatementFeePercent: '20' } },
    ]);
    expect(await screen.findByText('The Maintenance & Support policy was saved.')).toBeInTheDocument();
  });

  it('checks the policy’s terms, then shows the server’s problems on their fields', async () => {
    const api = renderCatalog({
      UpdateMaintenancePolicy: {
        data: {
          updateMaintenancePolicy: {
            maintenancePolicy: null,
            userErrors: [
              {
                code: 'INVALID',
                message: 'A percentage is between 0 and 1000.',
                field: ['input', 'reinstatementFeePercent'],
              },
            ],
          },
        },
      },
    });
    const form = screen.getByRole('form', { name: 'Maintenance & Support policy' });
    const term = within(form).getByLabelText('M&S term (months)');

    await userEvent.clear(term);
    await userEvent.type(term, '121');
    await userEvent.click(within(form).getByRole('button', { name: 'Save policy' }));
    expect(term).toHaveAccessibleDescription(expect.stringContaining('Error: Enter a whole number of months from 1 to 120.'));
    expect(api.executeMutation).not.toHaveBeenCalled();

    await userEvent.clear(term);
    await userEvent.type(term, '12');
    await userEvent.click(within(form).getByRole('button', { name: 'Save policy' }));
    expect(within(form).getByLabelText('Reinstatement fee (% of renewal price)')).toHaveAccessibleDescription(
      expect.stringContaining('Error: A percentage is between 0 and 1000.'),
    );
  });
});
