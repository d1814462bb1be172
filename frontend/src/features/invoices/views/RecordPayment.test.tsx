import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockApi, type Answer } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import { BANK_PAYMENT, invoiceAnswer, paymentMade, paymentRefused, SUMMARY } from '../testData';
import InvoiceView from './InvoiceView';

/** The Record payment dialog, opened by the vendor on an open invoice's page. */

const PARTLY_PAID = {
  ...SUMMARY,
  amountPaid: usd('400.00'),
  amountDue: usd('599.20'),
  payments: [BANK_PAYMENT],
};

function renderPage(record: Answer | Answer[]) {
  const api = mockApi({
    Invoice: [invoiceAnswer(SUMMARY), invoiceAnswer(PARTLY_PAID)],
    RecordPayment: record,
  });
  renderView(<InvoiceView />, {
    client: api.client,
    route: '/invoices/:invoiceId',
    path: `/invoices/${SUMMARY.id}`,
    viewer: viewerWithRole('VENDOR_ADMIN'),
  });
  return api;
}

function dialog() {
  return screen.getByRole('dialog', { name: 'Record a payment of INV-2026-000003' });
}

async function fill(label: string, value: string) {
  const field = within(dialog()).getByLabelText(label);
  await userEvent.clear(field);
  if (value) await userEvent.type(field, value);
}

describe('Record payment dialog', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 27, 15, 0));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('records part of what is due as a bank transfer, and says what is still due', async () => {
    const api = renderPage(paymentMade(PARTLY_PAID, BANK_PAYMENT).record);
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(within(dialog()).getByLabelText('Amount (USD)')).toHaveValue('999.20');
    expect(within(dialog()).getByLabelText('Amount (USD)')).toHaveAccessibleDescription(
      'Amount due: $999.20. A partial payment leaves the rest due.',
    );
    expect(within(dialog()).getByLabelText('Received on')).toHaveValue('2026-11-27');

    await fill('Amount (USD)', '400');
    await fill('Bank reference', ' BANK-REF-77 ');
    await fill('Received on', '2026-11-20');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Record payment' }));

    expect(api.variablesOf('RecordPayment')).toEqual([
      {
        input: { invoiceId: SUMMARY.id, amount: '400', reference: 'BANK-REF-77', receivedAt: '2026-11-20T12:00:00Z' },
      },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText(/^Payment of/)).toHaveTextContent('Payment of $400.00 recorded. Still due: $599.20.');
    expect(await screen.findByRole('table', { name: 'Payments of invoice INV-2026-000003' })).toHaveTextContent(
      'BANK-REF-77',
    );
    // Still open: more can be recorded.
    expect(screen.getByRole('button', { name: 'Record payment' })).toBeInTheDocument();
  });

  it('leaves the time received to the server for a payment received today', async () => {
    const api = renderPage(paymentMade(PARTLY_PAID, BANK_PAYMENT).record);
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    await fill('Bank reference', 'BANK-REF-78');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Record payment' }));

    expect(api.variablesOf('RecordPayment')).toEqual([
      { input: { invoiceId: SUMMARY.id, amount: '999.20', reference: 'BANK-REF-78', receivedAt: null } },
    ]);
  });

  it('checks the amount, reference and day before sending', async () => {
    const api = renderPage(paymentMade(PARTLY_PAID, BANK_PAYMENT).record);
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    await fill('Amount (USD)', '12.345');
    await fill('Received on', '2026-11-28');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Record payment' }));

    expect(within(dialog()).getByLabelText('Amount (USD)')).toHaveAccessibleDescription(
      /Enter the amount received, such as 1249\.00\./,
    );
    expect(within(dialog()).getByLabelText('Bank reference')).toHaveAccessibleDescription(
      /Enter the bank’s reference of the transfer\./,
    );
    expect(within(dialog()).getByLabelText('Received on')).toHaveAccessibleDescription(
      'Error: The day received cannot be in the future.',
    );
    expect(api.variablesOf('RecordPayment')).toEqual([]);
  });

  it('shows the server’s reasons at their fields', async () => {
    renderPage(
      paymentRefused([
        { code: 'INVALID', message: 'The amount is more than the $999.20 due.', field: ['input', 'amount'] },
        { code: 'CONFLICT', message: 'This reference is already recorded.', field: ['input', 'reference'] },
      ]).record,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Record payment' }));
    await fill('Amount (USD)', '1000');
    await fill('Bank reference', 'BANK-REF-77');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Record payment' }));

    const amount = within(dialog()).getByLabelText('Amount (USD)');
    expect(amount).toHaveAttribute('aria-invalid', 'true');
    expect(amount).toHaveAccessibleDescription(/The amount is more than the \$999\.20 due\./);
    expect(amount).toHaveFocus();
    expect(within(dialog()).getByLabelText('Bank reference')).toHaveAccessibleDescription(
      /This reference is already recorded\./,
    );
    expect(within(dialog()).queryByRole('alert')).not.toBeInTheDocument();
  });
});
