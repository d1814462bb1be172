import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BillingPeriodsQuery, CloseBillingPeriodMutation } from '../../../gql/graphql';
import { mockApi, type Answer } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import type { BillingPeriodRow } from '../queries';
import BillingView from './BillingView';

const SEPTEMBER: BillingPeriodRow = {
  id: 'QmlsbGluZ1BlcmlvZDox',
  period: '2026-09',
  closedAt: '2026-10-01T00:05:00+00:00',
  closedBy: 'admin@example.com',
  summaryCount: 2,
  invoiceCount: 5,
  total: usd('4996.00'),
};

const OCTOBER: BillingPeriodRow = {
  ...SEPTEMBER,
  id: 'QmlsbGluZ1BlcmlvZDoy',
  period: '2026-10',
  closedAt: '2026-11-27T15:00:00+00:00',
  summaryCount: 1,
  invoiceCount: 3,
  total: usd('2997.60'),
};

function periods(nodes: BillingPeriodRow[]): { data: BillingPeriodsQuery } {
  return { data: { billingPeriods: { edges: nodes.map((node) => ({ node })), pageInfo: { hasNextPage: false } } } };
}

function closed(
  summaryInvoicesCreated: number,
  invoicesSummarized: number,
  period: BillingPeriodRow = OCTOBER,
): { data: CloseBillingPeriodMutation } {
  return {
    data: {
      closeBillingPeriod: { billingPeriod: period, summaryInvoicesCreated, invoicesSummarized, userErrors: [] },
    },
  };
}

function renderPage(close: Answer | Answer[]) {
  const api = mockApi({
    BillingPeriods: [periods([SEPTEMBER]), periods([OCTOBER, SEPTEMBER])],
    CloseBillingPeriod: close,
  });
  renderView(<BillingView />, { client: api.client, route: '/billing', viewer: viewerWithRole('VENDOR_ADMIN') });
  return api;
}

function monthField() {
  return screen.getByLabelText('Month');
}

function setMonth(value: string) {
  fireEvent.change(monthField(), { target: { value } });
}

function confirmation() {
  return screen.getByRole('dialog', { name: /^Close / });
}

describe('BillingView', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-27T15:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists the closed months', () => {
    renderPage(closed(0, 0));

    const table = screen.getByRole('table', { name: 'Closed months, newest first' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Month',
      'Closed',
      'Closed by',
      'Summary invoices',
      'Invoices summarized',
      'Total',
    ]);
    const september = within(table).getByRole('row', { name: /^September 2026/ });
    expect(within(september).getAllByRole('cell').map((cell) => cell.textContent).slice(1)).toEqual([
      'admin@example.com',
      '2',
      '5',
      '$4,996.00',
    ]);
  });

  it('closes the previous month after asking, says what it made and lists it', async () => {
    const api = renderPage(closed(1, 3));
    expect(monthField()).toHaveValue('2026-10');

    await userEvent.click(screen.getByRole('button', { name: 'Close month…' }));
    const dialog = confirmation();
    expect(dialog).toHaveAccessibleName('Close October 2026?');
    expect(dialog).toHaveTextContent('This cannot be undone.');
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveAttribute('autofocus');
    expect(api.variablesOf('CloseBillingPeriod')).toEqual([]);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, close October 2026' }));

    expect(api.variablesOf('CloseBillingPeriod')).toEqual([{ input: { period: '2026-10' } }]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText(/summary invoice created/)).toHaveTextContent(
      'October 2026 closed: 1 summary invoice created from 3 invoices.',
    );
    expect(
      await within(screen.getByRole('table', { name: 'Closed months, newest first' })).findByRole('row', {
        name: /^October 2026/,
      }),
    ).toBeInTheDocument();
  });

  it('says when a month closed before has nothing new', async () => {
    renderPage(closed(0, 0, SEPTEMBER));
    setMonth('2026-09');
    await userEvent.click(screen.getByRole('button', { name: 'Close month…' }));
    await userEvent.click(within(confirmation()).getByRole('button', { name: 'Yes, close September 2026' }));

    expect(screen.getByText(/already closed/)).toHaveTextContent(
      'September 2026 is already closed — nothing new to summarize.',
    );
  });

  it('closes nothing when the person cancels', async () => {
    const api = renderPage(closed(1, 3));
    await userEvent.click(screen.getByRole('button', { name: 'Close month…' }));
    await userEvent.click(within(confirmation()).getByRole('button', { name: 'Cancel' }));

    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.variablesOf('CloseBillingPeriod')).toEqual([]);
  });

  it('asks for a month as YYYY-MM, and shows the server’s reason at the month', async () => {
    const api = renderPage({
      data: {
        closeBillingPeriod: {
          billingPeriod: null,
          summaryInvoicesCreated: 0,
          invoicesSummarized: 0,
          userErrors: [
            { code: 'INVALID', message: 'November 2026 is not over yet.', field: ['input', 'period'] },
          ],
        },
      },
    });
    setMonth('');
    await userEvent.click(screen.getByRole('button', { name: 'Close month…' }));
    expect(monthField()).toHaveAccessibleDescription(/Enter a month as YYYY-MM, such as 2026-10\./);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    setMonth('2026-11');
    await userEvent.click(screen.getByRole('button', { name: 'Close month…' }));
    await userEvent.click(within(confirmation()).getByRole('button', { name: 'Yes, close November 2026' }));

    expect(api.variablesOf('CloseBillingPeriod')).toEqual([{ input: { period: '2026-11' } }]);
    expect(monthField()).toHaveAttribute('aria-invalid', 'true');
    expect(monthField()).toHaveAccessibleDescription(/November 2026 is not over yet\./);
    expect(screen.queryByText(/created from/)).not.toBeInTheDocument();
  });
});
