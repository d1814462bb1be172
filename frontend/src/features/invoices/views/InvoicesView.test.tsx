import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { InvoicesQuery, UnpaidSummaryInvoicesQuery } from '../../../gql/graphql';
import { formatLocalDate } from '../../../lib/dates';
import { connectionOf } from '../../../test/connection';
import { mockApi } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import InvoicesView from './InvoicesView';

type InvoiceNode = InvoicesQuery['invoices']['edges'][number]['node'];

const PENDING_NOTE =
  'This invoice will be summarized in the monthly summarized invoice and does not need to be paid immediately.';

const PENDING: InvoiceNode = {
  id: 'SW52b2ljZToy',
  number: 'INV-2026-000002',
  kind: 'ORDER',
  status: 'PENDING_SUMMARY',
  issuedAt: '2026-11-27T12:00:00+00:00',
  dueAt: null,
  total: usd('1998.40'),
  amountDue: usd('1998.40'),
  notes: PENDING_NOTE,
  reseller: { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' },
};

const SUMMARY: InvoiceNode = {
  id: 'SW52b2ljZToz',
  number: 'INV-2026-000003',
  kind: 'SUMMARY',
  status: 'OPEN',
  issuedAt: '2026-11-01T00:00:00+00:00',
  dueAt: '2026-12-01T00:00:00+00:00',
  total: usd('499.00'),
  amountDue: usd('499.00'),
  notes: 'Summary Invoice',
  reseller: { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' },
};

function invoices(nodes: InvoiceNode[]): { data: InvoicesQuery } {
  return { data: { invoices: connectionOf(nodes) } };
}

const NO_FILTER = { unpaid: null, status: null, kind: null, search: null };
const FIRST_PAGE = { first: 50, after: null, last: null, before: null };
const NEWEST_FIRST = { field: 'ISSUED_AT', direction: 'DESC' };

function location() {
  return screen.getByRole('note', { name: 'Current location' });
}

function unpaidSummaries(nodes: InvoiceNode[]): { data: UnpaidSummaryInvoicesQuery } {
  return { data: { invoices: { edges: nodes.map((node) => ({ node })) } } };
}

describe('InvoicesView', () => {
  it('shows unpaid summary invoices first under Unpaid Invoices, then every invoice with its notes', () => {
    const api = mockApi({
      Invoices: invoices([PENDING, SUMMARY]),
      UnpaidSummaryInvoices: unpaidSummaries([SUMMARY]),
    });
    renderView(<InvoicesView />, { client: api.client, route: '/invoices' });

    const toPay = within(screen.getByRole('region', { name: 'Unpaid Invoices' })).getByRole('table', {
      name: 'Unpaid summary invoices',
    });
    const unpaid = within(toPay).getByRole('row', { name: /^INV-2026-000003/ });
    expect(within(unpaid).getByRole('link', { name: 'INV-2026-000003' })).toHaveAttribute(
      'href',
      '/invoices/SW52b2ljZToz',
    );
    const headers = within(toPay).getAllByRole('columnheader').map((header) => header.textContent);
    const cell = (label: string) => within(unpaid).getAllByRole('cell')[headers.indexOf(label) - 1];
    expect(cell('Due')).toHaveTextContent(formatLocalDate(SUMMARY.dueAt ?? ''));
    expect(cell('Amount due')).toHaveTextContent('$499.00');

    const all = screen.getByRole('table', { name: 'Invoices, newest first' });
    const pending = within(all).getByRole('row', { name: /^INV-2026-000002/ });
    const cells = within(pending)
      .getAllByRole('cell')
      .map((cell) => cell.textContent);
    expect(cells[0]).toBe('Order');
    expect(cells[2]).toBe('—');
    expect(cells.slice(3)).toEqual(['Pending summary', '$1,998.40', '$1,998.40', PENDING_NOTE]);
    const summary = within(all).getByRole('row', { name: /^INV-2026-000003/ });
    expect(summary).toHaveTextContent('Summary');
    expect(summary).toHaveTextContent('Open');
    expect(summary).toHaveTextContent(/Summary Invoice$/);
    expect(screen.queryByRole('columnheader', { name: 'Reseller' })).not.toBeInTheDocument();
  });

  it('names each invoice’s reseller for the vendor, linking to the reseller’s page', () => {
    const api = mockApi({
      Invoices: invoices([PENDING]),
      UnpaidSummaryInvoices: unpaidSummaries([SUMMARY]),
    });
    renderView(<InvoicesView />, { client: api.client, route: '/invoices', viewer: viewerWithRole('VENDOR_ADMIN') });

    for (const name of ['Unpaid summary invoices', 'Invoices, newest first']) {
      const table = screen.getByRole('table', { name });
      expect(within(table).getAllByRole('columnheader').map((header) => header.textContent).slice(0, 3)).toEqual([
        'Invoice',
        'Reseller',
        'Kind',
      ]);
      expect(within(table).getByRole('link', { name: 'Reseller Example Inc.' })).toHaveAttribute(
        'href',
        '/resellers/UmVzZWxsZXI6MQ%3D%3D',
      );
    }
  });

  it('filters by status (or unpaid) and kind and searches by number, all kept in the address', async () => {
    const api = mockApi({ Invoices: invoices([PENDING]), UnpaidSummaryInvoices: unpaidSummaries([]) });
    renderView(<InvoicesView />, { client: api.client, route: '/invoices' });
    expect(api.variablesOf('Invoices')).toEqual([{ filter: NO_FILTER, ...FIRST_PAGE, orderBy: NEWEST_FIRST }]);
    expect(screen.queryByRole('region', { name: 'Unpaid Invoices' })).not.toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Unpaid (open or pending summary)');
    expect(location()).toHaveTextContent(/^\/invoices\?unpaid=1$/);
    expect(api.variablesOf('Invoices').at(-1)).toEqual({
      filter: { ...NO_FILTER, unpaid: true },
      ...FIRST_PAGE,
      orderBy: NEWEST_FIRST,
    });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Paid');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'Summary');
    await userEvent.type(screen.getByLabelText('Search invoices'), 'INV-2026{Enter}');
    expect(location()).toHaveTextContent(/^\/invoices\?status=PAID&kind=SUMMARY&search=INV-2026$/);
    expect(api.variablesOf('Invoices').at(-1)).toEqual({
      filter: { unpaid: null, status: 'PAID', kind: 'SUMMARY', search: 'INV-2026' },
      ...FIRST_PAGE,
      orderBy: NEWEST_FIRST,
    });

    await userEvent.selectOptions(screen.getByLabelText('Status'), 'Any status');
    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'Any kind');
    await userEvent.click(screen.getByRole('button', { name: 'Show all' }));
    expect(location()).toHaveTextContent(/^\/invoices$/);
  });

  it('sorts by total from its header and pages on, the view in the address', async () => {
    const api = mockApi({
      Invoices: { data: { invoices: connectionOf([PENDING, SUMMARY], { hasNextPage: true }) } },
      UnpaidSummaryInvoices: unpaidSummaries([]),
    });
    renderView(<InvoicesView />, { client: api.client, route: '/invoices', path: '/invoices?kind=ORDER&after=c50' });

    await userEvent.click(screen.getByRole('link', { name: 'Total' }));
    expect(location()).toHaveTextContent(/^\/invoices\?kind=ORDER&sort=total$/);
    expect(api.variablesOf('Invoices').at(-1)).toEqual({
      filter: { ...NO_FILTER, kind: 'ORDER' },
      ...FIRST_PAGE,
      orderBy: { field: 'TOTAL', direction: 'DESC' },
    });
    expect(screen.getByRole('table', { name: 'Invoices, largest total first' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'Next page' }));
    expect(location()).toHaveTextContent(/^\/invoices\?kind=ORDER&sort=total&after=end$/);
    expect(api.variablesOf('Invoices').at(-1)).toMatchObject({ after: 'end', orderBy: { field: 'TOTAL' } });
  });

  it('opens with the filter of the address, and says when nothing is left to pay', () => {
    const api = mockApi({ Invoices: invoices([]), UnpaidSummaryInvoices: unpaidSummaries([]) });
    renderView(<InvoicesView />, { client: api.client, route: '/invoices', path: '/invoices?unpaid=1' });

    expect(screen.getByLabelText('Status')).toHaveDisplayValue('Unpaid (open or pending summary)');
    expect(api.variablesOf('Invoices')).toEqual([
      { filter: { ...NO_FILTER, unpaid: true }, ...FIRST_PAGE, orderBy: NEWEST_FIRST },
    ]);
    expect(screen.getByText('Nothing to pay: every invoice is paid.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear filters' })).toHaveAttribute('href', '/invoices');
  });
});
