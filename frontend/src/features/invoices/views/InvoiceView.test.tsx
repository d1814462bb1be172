import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import type { InvoiceDetails } from '../queries';
import { formatMoney } from '../../../lib/money';
import { BANK_PAYMENT, CARD_PAYMENT, invoiceAnswer, PAID_SUMMARY, PENDING, PENDING_NOTE, SUMMARY } from '../testData';
import InvoiceView from './InvoiceView';

function renderInvoice(invoice: InvoiceDetails, role: Role = 'RESELLER_OWNER') {
  const api = mockApi({ Invoice: invoiceAnswer(invoice) });
  renderView(<InvoiceView />, {
    client: api.client,
    route: '/invoices/:invoiceId',
    path: `/invoices/${invoice.id}`,
    viewer: viewerWithRole(role),
  });
  return api;
}

function actions(): string[] {
  return within(screen.getByRole('group', { name: 'Invoice actions' }))
    .getAllByRole('button')
    .map((button) => button.textContent);
}

describe('InvoiceView', () => {
  it('shows the invoice’s lines and totals, its note, billing details and the order', () => {
    renderInvoice(PENDING);

    expect(screen.getByRole('heading', { level: 1, name: 'Invoice INV-2026-000001' })).toBeInTheDocument();
    expect(screen.getByText(/will be summarized in the monthly summarized invoice/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'ORD-2026-000001' })).toHaveAttribute('href', '/orders/T3JkZXI6MQ%3D%3D');
    expect(screen.getByText('Amount due', { selector: 'dt' }).nextElementSibling).toHaveTextContent('$999.20');

    const lines = screen.getByRole('table', { name: 'Lines of invoice INV-2026-000001' });
    expect(within(lines).getByRole('row', { name: /SmarterMail Enterprise/ })).toHaveTextContent('−minus $249.80');
    expect(within(lines).getByRole('row', { name: 'Total $999.20' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Billing details' })).toHaveTextContent(
      '1 Main Street, Suite 5, 12345 Springfield, US',
    );
    expect(screen.queryByRole('region', { name: 'Invoices summarized' })).not.toBeInTheDocument();
    expect(screen.queryByText('Reseller', { selector: 'dt' })).not.toBeInTheDocument();
    expect(screen.queryByText('Month', { selector: 'dt' })).not.toBeInTheDocument();
  });

  it('names the invoice’s reseller for the vendor, linking to the reseller’s page', () => {
    renderInvoice(PENDING, 'VENDOR_ADMIN');

    const reseller = screen.getByText('Reseller', { selector: 'dt' }).nextElementSibling as HTMLElement;
    expect(reseller).toHaveTextContent('Reseller Example Inc.');
    expect(within(reseller).getByRole('link')).toHaveAttribute('href', '/resellers/UmVzZWxsZXI6MQ%3D%3D');
  });

  it('lists the invoices a summary collects', () => {
    renderInvoice(SUMMARY);

    const collected = within(screen.getByRole('region', { name: 'Invoices summarized' }));
    expect(collected.getByRole('link', { name: 'INV-2026-000001' })).toHaveAttribute('href', '/invoices/SW52b2ljZTox');
    expect(screen.queryByText('Order', { selector: 'dt' })).not.toBeInTheDocument();
    expect(screen.getByText('Month', { selector: 'dt' }).nextElementSibling).toHaveTextContent('October 2026');
    // a summary has no lines of its own: its totals, without an empty lines table
    expect(screen.queryByRole('table', { name: /^Lines of invoice/ })).not.toBeInTheDocument();
    const totals = within(screen.getByRole('region', { name: 'Totals' }));
    expect(totals.getByText('Total', { selector: 'dt' }).nextElementSibling).toHaveTextContent(
      formatMoney(SUMMARY.total),
    );
  });

  it.each<[Role, string[]]>([
    ['RESELLER_OWNER', ['Pay', 'Download PDF', 'Email']],
    ['RESELLER_BILLING', ['Pay', 'Download PDF', 'Email']],
    ['RESELLER_VIEWER', ['Download PDF', 'Email']],
    ['VENDOR_ADMIN', ['Download PDF', 'Email', 'Record payment']],
  ])('offers %s the actions %j on an open invoice', (role, expected) => {
    renderInvoice(SUMMARY, role);
    expect(actions()).toEqual(expected);
  });

  it.each<[string, InvoiceDetails]>([
    ['paid', PAID_SUMMARY],
    ['void', { ...SUMMARY, status: 'VOID' }],
    ['waiting for the summary', PENDING],
  ])('offers neither Pay nor Record payment on an invoice %s', (_, invoice) => {
    renderInvoice(invoice, 'RESELLER_OWNER');
    expect(actions()).toEqual(['Download PDF', 'Email']);
    renderInvoice(invoice, 'VENDOR_ADMIN');
    expect(screen.queryByRole('button', { name: 'Record payment' })).not.toBeInTheDocument();
  });

  it('sends a summarized invoice to its summary invoice, the one to pay', () => {
    renderInvoice({
      ...PENDING,
      notes: 'Included in summary invoice INV-2026-000003: pay that invoice.',
      summaryInvoice: { id: SUMMARY.id, number: SUMMARY.number },
    });

    const pay = screen.getByText(/^Pay it with summary invoice/);
    expect(pay).toHaveTextContent('Pay it with summary invoice INV-2026-000003.');
    expect(within(pay).getByRole('link', { name: 'INV-2026-000003' })).toHaveAttribute(
      'href',
      '/invoices/SW52b2ljZToz',
    );
    expect(screen.queryByText(/Nothing to pay now/)).not.toBeInTheDocument();
  });

  it('says that an invoice not yet summarized needs no payment now', () => {
    renderInvoice(PENDING);

    const notice = screen.getByText('Nothing to pay now.').closest('p');
    expect(notice).toHaveTextContent(`Nothing to pay now. ${PENDING_NOTE}`);
    expect(screen.queryByText(/^Pay it with summary invoice/)).not.toBeInTheDocument();
  });

  it('lists the invoice’s payments', () => {
    renderInvoice({ ...PAID_SUMMARY, payments: [CARD_PAYMENT, BANK_PAYMENT] });

    const payments = screen.getByRole('table', { name: 'Payments of invoice INV-2026-000003' });
    expect(within(payments).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Received',
      'Kind',
      'Reference',
      'Recorded by',
      'Amount',
    ]);
    const card = within(payments).getByRole('row', { name: /ch_sandbox_0001/ });
    expect(card).toHaveTextContent('Card');
    expect(card).toHaveTextContent('owner@reseller.example');
    expect(card).toHaveTextContent('$999.20');
    expect(within(payments).getByRole('row', { name: /BANK-REF-77/ })).toHaveTextContent(
      /Bank transfer.*admin@example\.com.*\$400\.00/,
    );
  });

  it('says when an invoice has no payments yet', () => {
    renderInvoice(SUMMARY);
    expect(within(screen.getByRole('region', { name: 'Payments' })).getByText('No payments yet.')).toBeInTheDocument();
  });
});
