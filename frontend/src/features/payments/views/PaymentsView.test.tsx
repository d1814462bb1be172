import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PaymentsQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import { BANK_PAYMENT, CARD_PAYMENT } from '../../invoices/testData';
import type { PaymentRow } from '../queries';
import PaymentsView from './PaymentsView';

function page(nodes: PaymentRow[], endCursor: string | null = null): { data: PaymentsQuery } {
  return {
    data: {
      payments: {
        edges: nodes.map((node) => ({ node })),
        pageInfo: { hasNextPage: endCursor !== null, hasPreviousPage: false, endCursor },
      },
    },
  };
}

describe('PaymentsView', () => {
  it('lists the payments, each with its invoice, kind, reference, who recorded it and the amount', () => {
    const api = mockApi({ Payments: page([CARD_PAYMENT, BANK_PAYMENT]) });
    renderView(<PaymentsView />, { client: api.client, route: '/payments' });

    expect(screen.getByRole('heading', { level: 1, name: 'Payments' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Payments, newest first' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual([
      'Received',
      'Invoice',
      'Kind',
      'Reference',
      'Recorded by',
      'Amount',
    ]);
    const card = within(table).getByRole('row', { name: /ch_sandbox_0001/ });
    expect(within(card).getByRole('link', { name: 'INV-2026-000003' })).toHaveAttribute(
      'href',
      '/invoices/SW52b2ljZToz',
    );
    expect(within(card).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'INV-2026-000003',
      'Card',
      'ch_sandbox_0001',
      'owner@reseller.example',
      '$999.20',
    ]);
    expect(within(table).getByRole('row', { name: /BANK-REF-77/ })).toHaveTextContent('Bank transfer');
    expect(api.variablesOf('Payments')).toEqual([
      {
        filter: null,
        first: 50,
        after: null,
        last: null,
        before: null,
        orderBy: { field: 'RECEIVED_AT', direction: 'DESC' },
      },
    ]);
    expect(screen.getByText('Showing 2 payments, all there are.')).toBeInTheDocument();
  });

  it('names each payment’s reseller for the vendor', () => {
    const api = mockApi({ Payments: page([BANK_PAYMENT]) });
    renderView(<PaymentsView />, { client: api.client, route: '/payments', viewer: viewerWithRole('VENDOR_ADMIN') });

    const table = screen.getByRole('table', { name: 'Payments, newest first' });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent).slice(0, 3)).toEqual([
      'Received',
      'Invoice',
      'Reseller',
    ]);
    expect(within(table).getByRole('link', { name: 'Reseller Example Inc.' })).toHaveAttribute(
      'href',
      '/resellers/UmVzZWxsZXI6MQ%3D%3D',
    );
  });

  it('pages on and back through links, sorted by amount and filtered by kind from the address', async () => {
    const api = mockApi({
      Payments: (variables) => (variables.after === null ? page([CARD_PAYMENT], 'c1') : page([BANK_PAYMENT])),
    });
    renderView(<PaymentsView />, { client: api.client, route: '/payments', path: '/payments?kind=CARD&sort=amount' });
    expect(api.variablesOf('Payments')[0]).toMatchObject({
      filter: { kind: 'CARD' },
      orderBy: { field: 'AMOUNT', direction: 'DESC' },
    });
    expect(screen.getByLabelText('Kind')).toHaveDisplayValue('Card');
    expect(screen.getByText('Showing the first 1 payments.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'Next page' }));

    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(
      /^\/payments\?kind=CARD&sort=amount&after=c1$/,
    );
    expect(api.variablesOf('Payments').at(-1)).toMatchObject({ first: 50, after: 'c1' });
    const table = screen.getByRole('table', { name: 'Payments, largest first' });
    expect(within(table).getByRole('row', { name: /BANK-REF-77/ })).toBeInTheDocument();
    expect(screen.getByText('Showing the last 1 payments.')).toBeInTheDocument();

    await userEvent.selectOptions(screen.getByLabelText('Kind'), 'Any kind');
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(/^\/payments\?sort=amount$/);
  });

  it('says when there are no payments yet', () => {
    const api = mockApi({ Payments: page([]) });
    renderView(<PaymentsView />, { client: api.client, route: '/payments' });
    expect(screen.getByText(/^No payments yet\./)).toBeInTheDocument();
  });
});
