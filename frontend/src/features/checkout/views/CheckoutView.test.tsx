import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { CheckoutDetailsQuery, CheckoutMutation } from '../../../gql/graphql';
import { BILLING, RESELLER_ADDRESS } from '../../../test/billing';
import { mockApi, type Answer } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import { CART, EMPTY_CART } from '../../cart/testData';
import { ORDER_ID, placedOnInvoice } from '../testData';
import CheckoutView from './CheckoutView';

type Account = NonNullable<NonNullable<CheckoutDetailsQuery['viewer']>['reseller']>;

const ACCOUNT: Account = {
  id: 'UmVzZWxsZXI6MQ==',
  discountPercent: '20.00',
  mayPayByInvoice: true,
  name: 'Reseller Example Inc.',
  contactName: 'Olivia Owner',
  ...RESELLER_ADDRESS,
  billingEmail: 'billing@reseller.example',
};

const details = (account: Partial<Account> = {}, cart = CART) => ({
  data: { cart, viewer: { reseller: { ...ACCOUNT, ...account } } },
});

const DECLINED: CheckoutMutation = {
  checkout: {
    order: null,
    invoice: null,
    licenses: [],
    replayed: false,
    userErrors: [
      {
        code: 'PAYMENT_DECLINED',
        message: 'The card was declined. Nothing was bought; try another card or pay by invoice.',
        field: ['input', 'paymentToken'],
      },
    ],
  },
};

const PLACED: CheckoutMutation = {
  checkout: { ...placedOnInvoice(CART), licenses: [], replayed: false, userErrors: [] },
};

function renderCheckout(answers: Record<string, Answer | Answer[]> = {}) {
  const api = mockApi({ CheckoutDetails: details(), ...answers });
  renderView(<CheckoutView />, { client: api.client, route: '/checkout' });
  return api;
}

const placeOrder = () => userEvent.click(screen.getByRole('button', { name: 'Place order' }));
const checkoutInputs = (api: ReturnType<typeof mockApi>) =>
  api.variablesOf('Checkout').map((variables) => variables.input as Record<string, unknown>);

describe('CheckoutView', () => {
  it('shows the order summary with the server’s totals and the account’s billing details', () => {
    renderCheckout();

    const summary = screen.getByRole('region', { name: 'Order summary' });
    expect(within(summary).getByRole('row', { name: /^SmarterMail Enterprise, 250 mailboxes/ })).toBeInTheDocument();
    expect(within(summary).getByRole('row', { name: /^SmarterTrack Professional/ })).toBeInTheDocument();
    expect(within(summary).queryByRole('button')).not.toBeInTheDocument();
    const totals = within(summary).getByRole('table', { name: 'Order total' });
    expect(within(totals).getAllByRole('row').map((row) => row.textContent)).toEqual([
      'Subtotal$2,447.00',
      'Reseller discount (20%)−minus $489.40',
      'Total$1,957.60',
    ]);

    const form = screen.getByRole('form', { name: 'Checkout' });
    expect(within(form).getByLabelText('Company name')).toHaveValue('Reseller Example Inc.');
    expect(within(form).getByLabelText('Billing email')).toHaveValue('billing@reseller.example');
    expect(within(form).getByLabelText('Country')).toHaveValue('US');
    expect(within(form).getByRole('radio', { name: 'Pay now by card' })).toBeChecked();
    expect(within(form).getByLabelText('Test card')).toHaveValue('tok_success');
    expect(form).toHaveTextContent('Sandbox payment gateway');
  });

  it('offers the monthly invoice only to an account that may use it', () => {
    renderCheckout({ CheckoutDetails: details({ mayPayByInvoice: false }) });

    expect(screen.getByRole('radio', { name: 'Pay now by card' })).toBeChecked();
    expect(screen.queryByRole('radio', { name: 'Add to monthly invoice' })).not.toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Payment' })).toHaveTextContent('Your account pays on order.');
  });

  it('shows a declined card prominently and keeps the form as it was', async () => {
    const api = renderCheckout({ Checkout: { data: DECLINED } });
    const contact = screen.getByLabelText('Contact person (optional)');
    await userEvent.clear(contact);
    await userEvent.type(contact, 'Bianca Billing');
    await userEvent.selectOptions(screen.getByLabelText('Test card'), 'tok_declined');

    await placeOrder();

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(
      'The payment did not go through. The card was declined. Nothing was bought; try another card or pay by invoice.',
    );
    expect(contact).toHaveValue('Bianca Billing');
    expect(screen.getByLabelText('Test card')).toHaveValue('tok_declined');
    expect(screen.getByRole('region', { name: 'Order summary' })).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent('/checkout');
    expect(checkoutInputs(api)).toEqual([
      {
        paymentMethod: 'PAY_ON_ORDER',
        paymentToken: 'tok_declined',
        idempotencyKey: expect.any(String) as string,
        billing: { ...BILLING, contactName: 'Bianca Billing' },
      },
    ]);
  });

  it('sends a retry of the same order with the same idempotency key, and a changed one with a new key', async () => {
    const failed = {
      data: {
        checkout: {
          ...DECLINED.checkout,
          userErrors: [
            {
              code: 'PAYMENT_FAILED' as const,
              message: 'The payment service failed. Nothing was bought or charged; please try again.',
              field: ['input', 'paymentToken'],
            },
          ],
        },
      },
    };
    const api = renderCheckout({ Checkout: failed });
    await userEvent.selectOptions(screen.getByLabelText('Test card'), 'tok_gateway_error');

    await placeOrder();
    expect(screen.getByRole('alert')).toHaveTextContent('The payment service failed.');
    await placeOrder();
    await userEvent.selectOptions(screen.getByLabelText('Test card'), 'tok_success');
    await placeOrder();

    const [first, retry, changed] = checkoutInputs(api).map((input) => input.idempotencyKey);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retry).toBe(first);
    expect(changed).not.toBe(first);
  });

  it('places the order on the monthly invoice and goes to its confirmation', async () => {
    const api = renderCheckout({ Checkout: { data: PLACED } });

    await userEvent.click(screen.getByRole('radio', { name: 'Add to monthly invoice' }));
    expect(screen.queryByLabelText('Test card')).not.toBeInTheDocument();
    await placeOrder();

    expect(checkoutInputs(api)[0]).toMatchObject({ paymentMethod: 'INVOICE', paymentToken: null });
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(
      `/orders/confirmation/${encodeURIComponent(ORDER_ID)}`,
    );
  });

  it('shows the server’s problems with billing details on their fields', async () => {
    renderCheckout({
      Checkout: {
        data: {
          checkout: {
            ...DECLINED.checkout,
            userErrors: [
              { code: 'INVALID', message: 'Use a two-letter country code.', field: ['input', 'billing', 'country'] },
              { code: 'CONFLICT', message: 'Your cart or its prices changed during checkout.', field: null },
            ],
          },
        },
      },
    });

    await placeOrder();

    expect(screen.getByLabelText('Country')).toHaveAccessibleDescription(
      expect.stringContaining('Error: Use a two-letter country code.'),
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Your cart or its prices changed during checkout.');
  });

  it('points to the shop when the cart is empty', () => {
    renderCheckout({ CheckoutDetails: details({}, EMPTY_CART) });

    expect(screen.getByText('Your cart is empty.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Checkout' })).not.toBeInTheDocument();
  });
});
