import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../gql/graphql';
import { mockApi, type Answer } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView, viewerWithRole } from '../../../test/render';
import { ViewerContext } from '../../../session/ViewerContext';
import { cartOf, MAIL_ITEM, MAIL_LINE } from '../../cart/testData';
import type { Confirmation, ConfirmationLicense } from '../queries';
import { ORDER_ID, placedOnInvoice } from '../testData';
import OrderConfirmationView from './OrderConfirmationView';

const ROUTE = '/orders/confirmation/:orderId';
const PATH = `/orders/confirmation/${encodeURIComponent(ORDER_ID)}`;

const license = (id: string, key: string): ConfirmationLicense => ({
  id,
  key,
  status: 'UNASSIGNED',
  personal: false,
  ...MAIL_ITEM,
});

/** The cart's SmarterMail line checked out on the monthly invoice. */
const CONFIRMATION: Confirmation = {
  ...placedOnInvoice(cartOf([MAIL_LINE], { subtotal: '1998.00', discount: '399.60', total: '1598.40' })),
  licenses: [license('l1', 'AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF'), license('l2', 'GGGGGG-HHHHHH-JJJJJJ-KKKKKK-LLLLLL-MMMMMM')],
  replayed: false,
};

function renderFromQuery(answers: Record<string, Answer | Answer[]>, role: Role = 'RESELLER_OWNER') {
  const api = mockApi(answers);
  renderView(<OrderConfirmationView />, { client: api.client, route: ROUTE, path: PATH, viewer: viewerWithRole(role) });
  return api;
}

/** The page as the checkout opens it: with its answer in the navigation state. */
function renderFromCheckout(confirmation: Confirmation, role: Role = 'RESELLER_OWNER') {
  const api = mockApi({});
  render(
    <Provider value={api.client}>
      <ViewerContext value={viewerWithRole(role)}>
        <MemoryRouter initialEntries={[{ pathname: PATH, state: { confirmation } }]}>
          <Routes>
            <Route path={ROUTE} element={<OrderConfirmationView />} />
          </Routes>
        </MemoryRouter>
      </ViewerContext>
    </Provider>,
  );
  return api;
}

function detail(label: string) {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling;
}

describe('OrderConfirmationView', () => {
  it('shows the order the checkout answered with, without asking again', () => {
    const api = renderFromCheckout(CONFIRMATION);

    expect(screen.getByRole('heading', { level: 1, name: 'Order ORD-2026-000007 placed' })).toBeInTheDocument();
    expect(screen.getByText('Thank you: your order is placed and 2 new licenses were issued.')).toBeInTheDocument();
    expect(detail('Invoice')).toHaveTextContent('INV-2026-000007');
    expect(detail('Invoice status')).toHaveTextContent('Pending summary');
    expect(detail('Invoice note')).toHaveTextContent('does not need to be paid immediately');
    expect(detail('Payment')).toHaveTextContent('Monthly invoice');
    const keys = screen.getByRole('table', { name: 'New license keys' });
    expect(within(keys).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([
      'AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF',
      'GGGGGG-HHHHHH-JJJJJJ-KKKKKK-LLLLLL-MMMMMM',
    ]);
    const first = within(keys).getByRole('row', { name: /^AAAAAA-/ });
    expect(within(first).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'SmarterMail Enterprise, 250 mailboxes',
      'Exchange ActiveSync',
      'Unassigned',
      'Copy AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF',
    ]);
    const totals = screen.getByRole('table', { name: 'Order total' });
    expect(within(totals).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'Subtotal$1,998.00',
      'Reseller discount (20%)−minus $399.60',
      'Total$1,598.40',
    ]);
    expect(screen.getByRole('link', { name: 'Go to Licenses' })).toHaveAttribute('href', '/licenses');
    expect(screen.getByRole('link', { name: 'Go to Invoices' })).toHaveAttribute('href', '/invoices');
    expect(api.executeQuery).not.toHaveBeenCalled();
  });

  it('says so when the checkout answered a repeated request', () => {
    renderFromCheckout({ ...CONFIRMATION, replayed: true }, 'RESELLER_PURCHASER');

    expect(
      screen.getByText('Your earlier attempt placed this order; sending it again did not buy anything twice.'),
    ).toBeInTheDocument();
  });

  it('asks for the order when the page is opened directly', () => {
    const { order, invoice, licenses } = CONFIRMATION;
    const paid = { ...invoice, status: 'PAID' as const, notes: '', amountDue: usd('0.00') };
    const api = renderFromQuery({
      OrderConfirmation: { data: { node: { __typename: 'Order', ...order, paymentMethod: 'PAY_ON_ORDER', invoice: paid, licenses } } },
    });

    expect(api.variablesOf('OrderConfirmation')).toEqual([{ id: ORDER_ID }]);
    expect(detail('Invoice status')).toHaveTextContent('Paid');
    expect(detail('Payment')).toHaveTextContent('Paid by card');
    expect(detail('Invoice total')).toHaveTextContent('$1,598.40');
    expect(screen.queryByText('Amount due')).not.toBeInTheDocument();
    expect(screen.queryByText('Invoice note')).not.toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'New license keys' })).getAllByRole('rowheader')).toHaveLength(2);
  });

  it('copies a key, or all of them, to the clipboard', async () => {
    const user = userEvent.setup();
    const { order, invoice, licenses } = CONFIRMATION;
    renderFromQuery({ OrderConfirmation: { data: { node: { __typename: 'Order', ...order, invoice, licenses } } } });

    await user.click(screen.getByRole('button', { name: 'Copy GGGGGG-HHHHHH-JJJJJJ-KKKKKK-LLLLLL-MMMMMM' }));

    expect(await navigator.clipboard.readText()).toBe('GGGGGG-HHHHHH-JJJJJJ-KKKKKK-LLLLLL-MMMMMM');
    expect(screen.getByRole('status')).toHaveTextContent(
      'The key GGGGGG-HHHHHH-JJJJJJ-KKKKKK-LLLLLL-MMMMMM was copied to the clipboard.',
    );

    await user.click(screen.getByRole('button', { name: 'Copy all keys' }));

    expect(await navigator.clipboard.readText()).toBe(
      'AAAAAA-BBBBBB-CCCCCC-DDDDDD-EEEEEE-FFFFFF\nGGGGGG-HHHHHH-JJJJJJ-KKKKKK-LLLLLL-MMMMMM',
    );
    expect(screen.getByRole('status')).toHaveTextContent('All 2 keys were copied to the clipboard.');
  });

  it('leaves out the invoice for a role that may not see invoices', () => {
    const { order, licenses } = CONFIRMATION;
    renderFromQuery(
      { OrderConfirmation: { data: { node: { __typename: 'Order', ...order, invoice: null, licenses } } } },
      'RESELLER_PURCHASER',
    );

    expect(screen.queryByText('Invoice status')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Go to Invoices' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to Licenses' })).toBeInTheDocument();
  });

  it('tells when there is no such order', () => {
    renderFromQuery({ OrderConfirmation: { data: { node: null } } });

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
