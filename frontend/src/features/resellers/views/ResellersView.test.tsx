import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ResellersQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import ResellersView from './ResellersView';

const RESELLERS: { data: ResellersQuery } = {
  data: {
    resellers: {
      edges: [
        {
          node: {
            id: 'r1',
            name: 'Reseller Example Inc.',
            ownerEmail: 'owner@reseller.example',
            billingEmail: 'billing@reseller.example',
            discountPercent: '20.00',
            mayPayByInvoice: true,
            status: 'ACTIVE',
            createdAt: '2026-01-01T00:00:00+00:00',
          },
        },
      ],
      pageInfo: { hasNextPage: false, hasPreviousPage: false, endCursor: 'c1' },
    },
  },
};

const vendor = viewerWithRole('VENDOR_ADMIN');

describe('ResellersView', () => {
  it('lists resellers with their terms, and filters by search and status', async () => {
    const api = mockApi({ Resellers: RESELLERS });
    renderView(<ResellersView />, { client: api.client, route: '/resellers', viewer: vendor });

    const row = screen.getByRole('row', { name: /^Reseller Example Inc\./ });
    expect(within(row).getByRole('link', { name: 'Reseller Example Inc.' })).toHaveAttribute(
      'href',
      '/resellers/r1',
    );
    expect(row).toHaveTextContent('owner@reseller.example');
    expect(row).toHaveTextContent('20.00%');
    expect(row).toHaveTextContent('Allowed');
    expect(row).toHaveTextContent('Active');

    await userEvent.type(screen.getByLabelText('Search resellers'), 'example{Enter}');
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'SUSPENDED');

    expect(api.variablesOf('Resellers').at(-1)).toEqual({
      search: 'example',
      status: 'SUSPENDED',
      first: 50,
      after: null,
      last: null,
      before: null,
      orderBy: { field: 'NAME', direction: 'ASC' },
    });
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(
      /^\/resellers\?search=example&status=SUSPENDED$/,
    );
  });

  it('sorts by discount from its header and opens on the view of the address', async () => {
    const api = mockApi({ Resellers: RESELLERS });
    renderView(<ResellersView />, {
      client: api.client,
      route: '/resellers',
      path: '/resellers?status=ACTIVE&before=c1',
      viewer: vendor,
    });
    expect(api.variablesOf('Resellers')[0]).toMatchObject({ status: 'ACTIVE', last: 50, before: 'c1' });
    expect(screen.getByLabelText('Status')).toHaveDisplayValue('Active');

    await userEvent.click(screen.getByRole('link', { name: 'Discount' }));

    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(
      /^\/resellers\?status=ACTIVE&sort=discount$/,
    );
    expect(api.variablesOf('Resellers').at(-1)).toMatchObject({
      before: null,
      last: null,
      orderBy: { field: 'DISCOUNT', direction: 'DESC' },
    });
    expect(screen.getByRole('table', { name: 'Reseller accounts, largest discount first' })).toBeInTheDocument();
  });

  it('checks the discount before creating a reseller, then sends the form', async () => {
    const api = mockApi({
      Resellers: RESELLERS,
      CreateReseller: {
        data: {
          createReseller: {
            reseller: { id: 'r9', name: 'New Partner', ownerEmail: 'boss@new.example' },
            userErrors: [],
          },
        },
      },
    });
    renderView(<ResellersView />, { client: api.client, route: '/resellers', viewer: vendor });
    await userEvent.click(screen.getByRole('button', { name: 'Create a reseller' }));
    const form = screen.getByRole('form', { name: 'Create a reseller' });

    await userEvent.type(within(form).getByLabelText('Company name'), 'New Partner');
    await userEvent.type(within(form).getByLabelText('Owner’s name'), 'Bo Boss');
    await userEvent.type(within(form).getByLabelText('Owner’s email'), 'boss@new.example');
    const discount = within(form).getByLabelText('Discount (%)');
    await userEvent.clear(discount);
    await userEvent.type(discount, '150');
    await userEvent.click(within(form).getByRole('button', { name: 'Create reseller' }));

    expect(discount).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter a percentage from 0 to 100'),
    );
    expect(api.executeMutation).not.toHaveBeenCalled();

    await userEvent.clear(discount);
    await userEvent.type(discount, '12.5');
    await userEvent.click(within(form).getByRole('checkbox', { name: 'May pay by monthly invoice' }));
    await userEvent.click(within(form).getByRole('button', { name: 'Create reseller' }));

    expect(api.variablesOf('CreateReseller')).toEqual([
      {
        input: {
          name: 'New Partner',
          ownerName: 'Bo Boss',
          ownerEmail: 'boss@new.example',
          discountPercent: '12.5',
          mayPayByInvoice: true,
        },
      },
    ]);
    expect(
      screen.getByText('New Partner was created. boss@new.example was invited by email to choose a password.'),
    ).toBeInTheDocument();
  });

  it('shows the API’s errors next to their fields', async () => {
    const api = mockApi({
      Resellers: RESELLERS,
      CreateReseller: {
        data: {
          createReseller: {
            reseller: null,
            userErrors: [
              { code: 'REQUIRED', message: 'This field is required.', field: ['input', 'name'] },
              { code: 'INVALID', message: "'x' is not a valid email address.", field: ['input', 'ownerEmail'] },
            ],
          },
        },
      },
    });
    renderView(<ResellersView />, { client: api.client, route: '/resellers', viewer: vendor });

    await userEvent.click(screen.getByRole('button', { name: 'Create a reseller' }));
    await userEvent.click(screen.getByRole('button', { name: 'Create reseller' }));

    expect(screen.getByLabelText('Company name')).toHaveAccessibleDescription('Error: This field is required.');
    expect(screen.getByLabelText('Owner’s email')).toHaveAccessibleDescription(
      expect.stringContaining("Error: 'x' is not a valid email address."),
    );
  });
});
