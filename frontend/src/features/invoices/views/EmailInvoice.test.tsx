import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { EmailInvoiceMutation } from '../../../gql/graphql';
import { mockApi, type Answer } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import { invoiceAnswer, SUMMARY } from '../testData';
import InvoiceView from './InvoiceView';

/** The Email dialog, opened on an invoice's page. */

function answer(emailInvoice: EmailInvoiceMutation['emailInvoice']): { data: EmailInvoiceMutation } {
  return { data: { emailInvoice } };
}

function renderPage(email: Answer | Answer[]) {
  const api = mockApi({ Invoice: invoiceAnswer(SUMMARY), EmailInvoice: email });
  renderView(<InvoiceView />, {
    client: api.client,
    route: '/invoices/:invoiceId',
    path: `/invoices/${SUMMARY.id}`,
    viewer: viewerWithRole('RESELLER_VIEWER'),
  });
  return api;
}

function dialog() {
  return screen.getByRole('dialog', { name: 'Email invoice INV-2026-000003' });
}

async function openEmail() {
  await userEvent.click(screen.getByRole('button', { name: 'Email' }));
  return dialog();
}

async function typeAddresses(text: string) {
  const field = within(dialog()).getByLabelText('Send to');
  await userEvent.clear(field);
  await userEvent.type(field, text);
}

describe('Email dialog', () => {
  it('sends the invoice to each address given, with the message, and says to whom', async () => {
    const api = renderPage(answer({ sentTo: ['ap@reseller.example', 'cfo@reseller.example'], userErrors: [] }));
    const email = await openEmail();
    // The billing email to start with.
    expect(within(email).getByLabelText('Send to')).toHaveValue('billing@reseller.example');

    await typeAddresses(' ap@reseller.example,\n\ncfo@reseller.example ; ');
    await userEvent.type(within(email).getByLabelText('Message (optional)'), '  For October.  ');
    await userEvent.click(within(email).getByRole('button', { name: 'Send' }));

    expect(api.variablesOf('EmailInvoice')).toEqual([
      {
        input: {
          invoiceId: SUMMARY.id,
          to: ['ap@reseller.example', 'cfo@reseller.example'],
          message: 'For October.',
        },
      },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText(/^Sent to/)).toHaveTextContent('Sent to ap@reseller.example, cfo@reseller.example.');
  });

  it('shows the server’s reason at the address it refused, by the address', async () => {
    const api = renderPage([
      answer({
        sentTo: [],
        userErrors: [{ code: 'INVALID', message: 'This is not an email address.', field: ['input', 'to', '1'] }],
      }),
      answer({ sentTo: ['ap@reseller.example', 'cfo@reseller.example'], userErrors: [] }),
    ]);
    await openEmail();
    await typeAddresses('ap@reseller.example, cfo-at-reseller.example');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Send' }));

    const addresses = within(dialog()).getByLabelText('Send to');
    expect(addresses).toHaveAttribute('aria-invalid', 'true');
    expect(addresses).toHaveAccessibleDescription(/cfo-at-reseller\.example: This is not an email address\./);
    expect(addresses).toHaveFocus();
    expect(within(dialog()).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(dialog()).getByLabelText('Message (optional)')).toHaveValue('');

    await typeAddresses('ap@reseller.example, cfo@reseller.example');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Send' }));
    expect(api.variablesOf('EmailInvoice').at(-1)).toEqual({
      input: { invoiceId: SUMMARY.id, to: ['ap@reseller.example', 'cfo@reseller.example'], message: null },
    });
    expect(screen.getByText(/^Sent to/)).toBeInTheDocument();
  });

  it('asks for an address before sending', async () => {
    const api = renderPage(answer({ sentTo: [], userErrors: [] }));
    await openEmail();
    await typeAddresses(' , ');
    await userEvent.click(within(dialog()).getByRole('button', { name: 'Send' }));

    expect(within(dialog()).getByLabelText('Send to')).toHaveAccessibleDescription(
      /Enter at least one email address\./,
    );
    expect(api.variablesOf('EmailInvoice')).toEqual([]);
  });
});
