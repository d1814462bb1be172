import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import { CASEY, customersPage, MAIL, MAIL_KEY, NAMELESS, TRACK, TRACK_KEY, unassignedPage } from '../testData';
import ResellingView from './ResellingView';

function section(name: string) {
  return screen.getByRole('region', { name });
}

function rowOf(text: string) {
  return screen.getByRole('row', { name: new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) });
}

function cellsOf(row: HTMLElement) {
  return within(row)
    .getAllByRole('cell')
    .map((cell) => cell.textContent);
}

function render(answers: Parameters<typeof mockApi>[0], role: Parameters<typeof viewerWithRole>[0] = 'RESELLER_OWNER') {
  const api = mockApi(answers);
  renderView(<ResellingView />, { client: api.client, route: '/reselling', viewer: viewerWithRole(role) });
  return api;
}

describe('ResellingView', () => {
  it('lists the unassigned licenses for resale, newest first, each with its product and an Assign button', () => {
    const api = render({ UnassignedLicenses: unassignedPage([MAIL, TRACK]), ResellerCustomers: customersPage([]) });

    expect(screen.getByRole('heading', { level: 1, name: 'Reselling' })).toBeInTheDocument();
    expect(api.variablesOf('UnassignedLicenses')).toEqual([{ first: 50, after: null }]);
    const unassigned = section('Unassigned Products');
    expect(within(unassigned).getByRole('table', { name: 'Unassigned licenses for resale, newest first' })).toBeVisible();
    const mail = rowOf(MAIL_KEY);
    expect(within(mail).getByRole('button', { name: `SmarterMail details, license ${MAIL_KEY}` })).toBeInTheDocument();
    const cells = cellsOf(mail);
    expect(cells.slice(0, 2)).toEqual(['Professional250 mailboxes', 'Cyren Antispam']);
    expect(cells[2]).toMatch(/2027.*Active/);
    expect(within(mail).getByRole('link', { name: MAIL_KEY })).toHaveAttribute('href', `/licenses/${MAIL_KEY}`);
    expect(within(mail).getByRole('button', { name: `Assign license ${MAIL_KEY}` })).toBeInTheDocument();
    expect(rowOf(TRACK_KEY)).toHaveTextContent('None');
    expect(within(unassigned).getByText('Showing 2 unassigned licenses, all there are.')).toBeInTheDocument();
  });

  it('lists the customers with their licenses, products and dates, searches them and offers the CSV', async () => {
    const api = render({
      UnassignedLicenses: unassignedPage([MAIL]),
      ResellerCustomers: (variables) =>
        variables.search ? customersPage([NAMELESS]) : customersPage([CASEY, NAMELESS], true),
    });

    const customers = section('Reseller Customers');
    expect(within(customers).getByRole('table', { name: 'Customers, by email' })).toBeVisible();
    const casey = rowOf('customer@example.com');
    expect(within(casey).getByRole('rowheader')).toHaveTextContent(/^customer@example\.com$/);
    const cells = cellsOf(casey);
    expect(cells.slice(0, 3)).toEqual([
      'Casey Customer',
      '2 licenses of customer@example.com',
      'SmarterMail, SmarterStats',
    ]);
    expect(cells[3]).toMatch(/2026/);
    expect(cells[4]).toMatch(/2026/);
    expect(within(casey).getByRole('link', { name: '2 licenses of customer@example.com' })).toHaveAttribute(
      'href',
      `/licenses?customer=${encodeURIComponent(CASEY.id)}`,
    );
    const nameless = rowOf('it@shop.example');
    expect(within(nameless).getByRole('rowheader')).toHaveTextContent(/^it@shop\.example$/);
    expect(cellsOf(nameless).slice(0, 2)).toEqual(['—', '1 license of it@shop.example']);
    expect(within(customers).getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/reselling?after=end');

    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('email\r\n', { status: 200 }));
    vi.spyOn(URL, 'createObjectURL').mockImplementation(() => 'blob:customers');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await userEvent.click(within(customers).getByRole('button', { name: 'Download CSV of all customers' }));
    expect(fetchSpy.mock.calls[0]?.[0]).toBe('/exports/customers.csv');

    await userEvent.type(within(customers).getByLabelText('Search customers'), 'shop{Enter}');
    expect(api.variablesOf('ResellerCustomers').at(-1)).toEqual({
      search: 'shop',
      first: 50,
      after: null,
      last: null,
      before: null,
      orderBy: { field: 'EMAIL', direction: 'ASC' },
    });
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(/^\/reselling\?search=shop$/);
    expect(screen.queryByRole('row', { name: /customer@example\.com/ })).not.toBeInTheDocument();
    await userEvent.click(within(customers).getByRole('button', { name: 'Download CSV of the customers found' }));
    expect(fetchSpy.mock.calls.at(-1)?.[0]).toBe('/exports/customers.csv?search=shop');
  });

  it('says what to do when nothing waits for a customer and there are no customers yet', () => {
    render({ UnassignedLicenses: unassignedPage([]), ResellerCustomers: customersPage([]) });

    expect(section('Unassigned Products')).toHaveTextContent(
      'You have no unassigned licenses for resale. Buy licenses in the Shop, then assign them to your customers here.',
    );
    expect(within(section('Unassigned Products')).getByRole('link', { name: 'Shop' })).toHaveAttribute('href', '/shop');
    expect(section('Reseller Customers')).toHaveTextContent(
      'No customers yet. Assign a license to a customer’s email and the customer appears here.',
    );
  });

  it('sorts the customers by name from its header, the view in the address', async () => {
    const api = render({ UnassignedLicenses: unassignedPage([]), ResellerCustomers: customersPage([CASEY]) });
    const customers = section('Reseller Customers');
    expect(within(customers).getByRole('columnheader', { name: 'Customer' })).toHaveAttribute('aria-sort', 'ascending');

    await userEvent.click(within(customers).getByRole('link', { name: 'Name' }));

    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(/^\/reselling\?sort=name$/);
    expect(api.variablesOf('ResellerCustomers').at(-1)).toMatchObject({ orderBy: { field: 'NAME', direction: 'ASC' } });
    expect(within(customers).getByRole('table', { name: 'Customers, by name' })).toBeInTheDocument();
    expect(within(customers).getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('says when a search finds nobody', async () => {
    render({
      UnassignedLicenses: unassignedPage([]),
      ResellerCustomers: (variables) => customersPage(variables.search ? [] : [CASEY]),
    });
    await userEvent.type(screen.getByLabelText('Search customers'), 'nobody{Enter}');
    expect(section('Reseller Customers')).toHaveTextContent('No customer matches “nobody”.');
  });

  it('shows the lists without Assign buttons to a role that may not assign', async () => {
    render(
      { UnassignedLicenses: unassignedPage([MAIL]), ResellerCustomers: customersPage([CASEY]) },
      'RESELLER_VIEWER',
    );

    expect(screen.getByText(/an owner or a purchaser of your account assigns licenses/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Assign license/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
    expect(section('Unassigned Products')).not.toHaveTextContent('Shop');

    await userEvent.click(screen.getByRole('button', { name: `SmarterMail details, license ${MAIL_KEY}` }));
    const product = screen.getByRole('dialog', { name: 'SmarterMail Professional' });
    expect(within(product).queryByRole('button', { name: 'Assign license' })).not.toBeInTheDocument();
  });

  it('opens a product’s details from its name, and assigns from there with the license chosen', async () => {
    render({ UnassignedLicenses: unassignedPage([MAIL, TRACK]), ResellerCustomers: customersPage([]) });

    const opener = screen.getByRole('button', { name: `SmarterMail details, license ${MAIL_KEY}` });
    await userEvent.click(opener);
    const product = screen.getByRole('dialog', { name: 'SmarterMail Professional' });
    const detail = (label: string) => within(product).getByText(label, { selector: 'dt' }).nextElementSibling;
    expect(detail('Tier')).toHaveTextContent('250 mailboxes');
    expect(detail('Add-ons')).toHaveTextContent('Cyren Antispam');
    expect(detail('Maintenance & Support until')).toHaveTextContent(/2027.*Active/);
    expect(detail('License key')).toHaveTextContent(MAIL_KEY);
    expect(within(product).getByRole('button', { name: 'Copy key' })).toBeInTheDocument();
    expect(within(product).getByRole('link', { name: 'Open the license’s page' })).toHaveAttribute(
      'href',
      `/licenses/${MAIL_KEY}`,
    );

    await userEvent.click(within(product).getByRole('button', { name: 'Assign license' }));
    expect(screen.queryByRole('dialog', { name: 'SmarterMail Professional' })).not.toBeInTheDocument();
    const assign = screen.getByRole('dialog', { name: 'Assign license' });
    expect(within(assign).getByLabelText('License')).toHaveValue(MAIL_KEY);
    expect(within(assign).getByLabelText('Customer email')).toHaveValue('');
  });

  it('assigns to a customer from the customer’s row, the email and name filled in', async () => {
    render({ UnassignedLicenses: unassignedPage([MAIL, TRACK]), ResellerCustomers: customersPage([CASEY]) });

    await userEvent.click(screen.getByRole('button', { name: 'Assign license to customer@example.com' }));
    const assign = screen.getByRole('dialog', { name: 'Assign license' });
    expect(within(assign).getByLabelText('Customer email')).toHaveValue('customer@example.com');
    expect(within(assign).getByLabelText('Customer name (optional)')).toHaveValue('Casey Customer');
    const license = within(assign).getByLabelText('License');
    expect(license).toHaveValue('');
    expect(within(license).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Choose a license',
      `SmarterMail Professional, 250 mailboxes · ${MAIL_KEY}`,
      `SmarterTrack Enterprise, 5 agents · ${TRACK_KEY}`,
    ]);
  });
});
