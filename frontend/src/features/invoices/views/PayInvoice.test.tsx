import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, type Answer } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import { CARD_PAYMENT, invoiceAnswer, PAID_SUMMARY, paymentMade, paymentRefused, SUMMARY } from '../testData';
import InvoiceView from './InvoiceView';

/** The Pay dialog, opened on an open summary invoice's page as its owner opens it. */

const DECLINED = paymentRefused([
  {
    code: 'PAYMENT_DECLINED',
    message: 'The card was declined: nothing was charged.',
    field: ['input', 'paymentToken'],
  },
]).pay;

function renderPage(pay: Answer | Answer[]) {
  const api = mockApi({ Invoice: [invoiceAnswer(SUMMARY), invoiceAnswer(PAID_SUMMARY)], PayInvoice: pay });
  renderView(<InvoiceView />, { client: api.client, route: '/invoices/:invoiceId', path: `/invoices/${SUMMARY.id}` });
  return api;
}

function dialog() {
  return screen.getByRole('dialog', { name: 'Pay invoice INV-2026-000003' });
}

async function openPay() {
  await userEvent.click(screen.getByRole('button', { name: 'Pay' }));
  return dialog();
}

function keysSent(api: ReturnType<typeof mockApi>): unknown[] {
  return api
    .variablesOf('PayInvoice')
    .map((variables) => (variables.input as { idempotencyKey?: unknown }).idempotencyKey);
}

describe('Pay dialog', () => {
  it('shows what is due, pays with the chosen test card, and the page shows the invoice paid', async () => {
    const api = renderPage(paymentMade(PAID_SUMMARY, CARD_PAYMENT).pay);
    const pay = await openPay();

    expect(within(pay).getByText('Amount due', { selector: 'dt' }).nextElementSibling).toHaveTextContent('$999.20');
    expect(within(pay).getByText(/no real card is charged/)).toBeInTheDocument();
    expect(within(pay).getByLabelText('Test card')).toHaveValue('tok_success');
    // the element the browser focuses when the dialog opens (happy-dom's showModal does not)
    expect(within(pay).getByLabelText('Test card')).toHaveAttribute('autofocus');
    await userEvent.click(within(pay).getByRole('button', { name: 'Pay $999.20' }));

    const [variables] = api.variablesOf('PayInvoice');
    expect(variables).toEqual({
      input: { invoiceId: SUMMARY.id, paymentToken: 'tok_success', idempotencyKey: expect.any(String) as string },
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText(/^Payment received/)).toHaveTextContent(
      'Payment received: $999.20 by card. Invoice INV-2026-000003 is paid.',
    );
    // The page reads the invoice again: paid, nothing due, the payment listed, no Pay button.
    await waitFor(() => {
      expect(screen.getByText('Status', { selector: 'dt' }).nextElementSibling).toHaveTextContent('Paid');
    });
    expect(screen.getByText('Amount due', { selector: 'dt' }).nextElementSibling).toHaveTextContent('$0.00');
    expect(screen.getByRole('table', { name: 'Payments of invoice INV-2026-000003' })).toHaveTextContent(
      'ch_sandbox_0001',
    );
    expect(screen.queryByRole('button', { name: 'Pay' })).not.toBeInTheDocument();
  });

  it('says why a card was refused, and sending again reuses the attempt’s idempotency key', async () => {
    const api = renderPage([DECLINED, DECLINED, DECLINED]);
    const pay = await openPay();
    await userEvent.selectOptions(within(pay).getByLabelText('Test card'), 'tok_declined');
    await userEvent.click(within(pay).getByRole('button', { name: 'Pay $999.20' }));

    expect(within(dialog()).getByRole('alert')).toHaveTextContent(
      'The payment did not go through. The card was declined: nothing was charged. The invoice is still open.',
    );
    expect(screen.queryByText(/^Payment received/)).not.toBeInTheDocument();
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Pay $999.20' }));
    const [first, again] = keysSent(api);
    expect(again).toBe(first);
    expect(api.variablesOf('PayInvoice').map((variables) => variables.input)).toEqual([
      expect.objectContaining({ paymentToken: 'tok_declined' }),
      expect.objectContaining({ paymentToken: 'tok_declined' }),
    ]);

    // Opening the dialog again is a new attempt with a new key.
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    const reopened = await openPay();
    expect(within(reopened).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(reopened).getByLabelText('Test card')).toHaveValue('tok_success');
    await userEvent.selectOptions(within(reopened).getByLabelText('Test card'), 'tok_declined');
    await userEvent.click(within(reopened).getByRole('button', { name: 'Pay $999.20' }));
    expect(keysSent(api)[2]).not.toBe(first);
  });

  it('says when the payment had been received before and nothing new was charged', async () => {
    const made = paymentMade(PAID_SUMMARY, CARD_PAYMENT).pay;
    renderPage({ data: { payInvoice: { ...made.data.payInvoice, replayed: true } } });
    await userEvent.click(within(await openPay()).getByRole('button', { name: 'Pay $999.20' }));

    expect(screen.getByText(/already received/)).toHaveTextContent(
      'Your payment of $999.20 was already received by card. Invoice INV-2026-000003 is paid.',
    );
  });

  it('lists a refusal that names no field at the top of the dialog', async () => {
    renderPage(
      paymentRefused([{ code: 'CONFLICT', message: 'This invoice is already paid.', field: null }]).pay,
    );
    const pay = await openPay();
    await userEvent.click(within(pay).getByRole('button', { name: 'Pay $999.20' }));

    expect(within(dialog()).getByRole('alert')).toHaveTextContent('This invoice is already paid.');
    expect(within(dialog()).queryByText(/The payment did not go through/)).not.toBeInTheDocument();
  });
});
