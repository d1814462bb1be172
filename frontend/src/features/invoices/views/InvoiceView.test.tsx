import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { InvoiceQuery } from '../../../gql/graphql';
import { BILLING } from '../../../test/billing';
import { mockApi } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import InvoiceView from './InvoiceView';

type InvoiceNode = Extract<NonNullable<InvoiceQuery['node']>, { __typename: 'Invoice' }>;

const INVOICE: InvoiceNode = {
  __typename: 'Invoice',
  id: 'SW52b2ljZTox',
  number: 'INV-2026-000001',
  kind: 'ORDER',
  status: 'PENDING_SUMMARY',
  issuedAt: '2026-11-27T12:00:00+00:00',
  dueAt: null,
  paidAt: null,
  subtotal: usd('1249.00'),
  discount: usd('249.80'),
  total: usd('999.20'),
  amountPaid: usd('0.00'),
  amountDue: usd('999.20'),
  notes: 'This invoice will be summarized in the monthly summarized invoice and does not need to be paid immediately.',
  billing: { ...BILLING, addressLine2: 'Suite 5', region: '' },
  lines: [
    {
      position: 1,
      description: 'SmarterMail Enterprise, 250 mailboxes',
      quantity: 1,
      unitPrice: usd('1249.00'),
      subtotal: usd('1249.00'),
      discount: usd('249.80'),
      total: usd('999.20'),
    },
  ],
  order: { id: 'T3JkZXI6MQ==', number: 'ORD-2026-000001' },
  summaryInvoice: null,
  summarizedInvoices: [],
  reseller: { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' },
};

describe('InvoiceView', () => {
  it('shows the invoice’s lines and totals, its note, billing details and the order', () => {
    const api = mockApi({ Invoice: { data: { node: INVOICE } } });
    renderView(<InvoiceView />, {
      client: api.client,
      route: '/invoices/:invoiceId',
      path: '/invoices/SW52b2ljZTox',
    });

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
  });

  it('names the invoice’s reseller for the vendor, linking to the reseller’s page', () => {
    const api = mockApi({ Invoice: { data: { node: INVOICE } } });
    renderView(<InvoiceView />, {
      client: api.client,
      route: '/invoices/:invoiceId',
      path: '/invoices/SW52b2ljZTox',
      viewer: viewerWithRole('VENDOR_ADMIN'),
    });

    const reseller = screen.getByText('Reseller', { selector: 'dt' }).nextElementSibling as HTMLElement;
    expect(reseller).toHaveTextContent('Reseller Example Inc.');
    expect(within(reseller).getByRole('link')).toHaveAttribute('href', '/resellers/UmVzZWxsZXI6MQ%3D%3D');
  });

  it('lists the invoices a summary collects', () => {
    const summary: InvoiceNode = {
      ...INVOICE,
      id: 'SW52b2ljZToz',
      number: 'INV-2026-000003',
      kind: 'SUMMARY',
      status: 'OPEN',
      dueAt: '2026-12-31T00:00:00+00:00',
      notes: 'Summary Invoice',
      order: null,
      summarizedInvoices: [
        {
          id: INVOICE.id,
          number: INVOICE.number,
          kind: INVOICE.kind,
          status: 'PENDING_SUMMARY',
          issuedAt: INVOICE.issuedAt,
          dueAt: null,
          total: INVOICE.total,
          amountDue: INVOICE.amountDue,
          notes: INVOICE.notes,
          reseller: INVOICE.reseller,
        },
      ],
    };
    const api = mockApi({ Invoice: { data: { node: summary } } });
    renderView(<InvoiceView />, { client: api.client, route: '/invoices/:invoiceId', path: '/invoices/x' });

    const collected = within(screen.getByRole('region', { name: 'Invoices summarized' }));
    expect(collected.getByRole('link', { name: 'INV-2026-000001' })).toHaveAttribute(
      'href',
      '/invoices/SW52b2ljZTox',
    );
    expect(screen.queryByText('Order', { selector: 'dt' })).not.toBeInTheDocument();
  });
});
