import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi, type Answer } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView } from '../../../test/render';
import {
  CART,
  cartOf,
  EMPTY_CART,
  MAIL_LINE,
  MODIFIED_KEY,
  RENEWAL_LINE,
  TRACK_LINE,
  UPGRADE_LINE,
} from '../testData';
import CartView from './CartView';

function renderCart(answers: Record<string, Answer | Answer[]> = {}) {
  const api = mockApi({ ShoppingCart: { data: { cart: CART } }, ...answers });
  renderView(<CartView />, { client: api.client, route: '/cart' });
  return api;
}

const lineRow = (name: RegExp) => screen.getByRole('row', { name });
const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((cell) => cell.textContent);
const totalRows = () =>
  within(screen.getByRole('table', { name: 'Cart total' }))
    .getAllByRole('row')
    .map((row) => row.textContent);

describe('CartView', () => {
  it('shows each line with what it buys and the server’s amounts and totals', () => {
    renderCart();

    const mail = lineRow(/^SmarterMail Enterprise, 250 mailboxes/);
    expect(within(mail).getByRole('rowheader')).toHaveTextContent(
      'SmarterMail Enterprise, 250 mailboxesAdd-ons: Exchange ActiveSyncAssigned at checkout to alice@customer.example',
    );
    expect(cells(mail).slice(0, 1)).toEqual(['$999.00']);
    expect(cells(mail)[2]).toBe('$1,998.00');
    expect(within(mail).getByRole('spinbutton', { name: 'Quantity of SmarterMail Enterprise, 250 mailboxes' })).toHaveValue(2);
    const track = lineRow(/^SmarterTrack Professional, 5 agents/);
    expect(within(track).getByRole('rowheader')).toHaveTextContent('No add-onsFor your own use (personal)');

    expect(totalRows()).toEqual(['Subtotal$2,447.00', 'Reseller discount (20%)−minus $489.40', 'Total$1,957.60']);
    expect(screen.getByRole('link', { name: 'Continue shopping' })).toHaveAttribute('href', '/shop');
    expect(screen.getByRole('link', { name: 'Checkout' })).toHaveAttribute('href', '/checkout');
  });

  it('changes a line’s quantity and shows the totals the server answers', async () => {
    const changed = cartOf([{ ...MAIL_LINE, quantity: 3, subtotal: usd('2997.00') }, TRACK_LINE], {
      subtotal: '3446.00',
      discount: '689.20',
      total: '2756.80',
    });
    const api = renderCart({ UpdateCartLine: { data: { updateCartLine: { cart: changed, userErrors: [] } } } });
    const quantity = screen.getByRole('spinbutton', { name: 'Quantity of SmarterMail Enterprise, 250 mailboxes' });

    await userEvent.clear(quantity);
    await userEvent.type(quantity, '3');
    await userEvent.click(
      screen.getByRole('button', { name: 'Update quantity of SmarterMail Enterprise, 250 mailboxes' }),
    );

    expect(api.variablesOf('UpdateCartLine')).toEqual([{ input: { lineId: 'line-1', quantity: 3 } }]);
    expect(screen.getByRole('status')).toHaveTextContent('SmarterMail Enterprise, 250 mailboxes: the quantity is now 3.');
    expect(cells(lineRow(/^SmarterMail Enterprise/))[2]).toBe('$2,997.00');
    expect(totalRows()).toEqual(['Subtotal$3,446.00', 'Reseller discount (20%)−minus $689.20', 'Total$2,756.80']);
  });

  it('refuses a quantity out of range next to its line, without asking the server', async () => {
    const api = renderCart();
    const quantity = screen.getByRole('spinbutton', { name: 'Quantity of SmarterTrack Professional, 5 agents' });

    await userEvent.clear(quantity);
    await userEvent.type(quantity, '101');
    await userEvent.click(screen.getByRole('button', { name: 'Update quantity of SmarterTrack Professional, 5 agents' }));

    expect(quantity).toHaveAccessibleDescription('Error: Choose a quantity from 1 to 100.');
    expect(api.executeMutation).not.toHaveBeenCalled();
  });

  it('shows the server’s problem with a quantity next to that line', async () => {
    renderCart({
      UpdateCartLine: {
        data: {
          updateCartLine: {
            cart: null,
            userErrors: [{ code: 'INVALID', message: 'Choose a quantity from 1 to 100.', field: ['input', 'quantity'] }],
          },
        },
      },
    });
    const quantity = screen.getByRole('spinbutton', { name: 'Quantity of SmarterMail Enterprise, 250 mailboxes' });

    await userEvent.clear(quantity);
    await userEvent.type(quantity, '7');
    await userEvent.click(
      screen.getByRole('button', { name: 'Update quantity of SmarterMail Enterprise, 250 mailboxes' }),
    );

    expect(quantity).toHaveAccessibleDescription('Error: Choose a quantity from 1 to 100.');
    expect(quantity).toHaveValue(7);
    expect(
      screen.getByRole('spinbutton', { name: 'Quantity of SmarterTrack Professional, 5 agents' }),
    ).not.toHaveAccessibleDescription();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('removes a line and shows what the server answers is left', async () => {
    const left = cartOf([TRACK_LINE], { subtotal: '449.00', discount: '89.80', total: '359.20' });
    const api = renderCart({ RemoveCartLine: { data: { removeCartLine: { cart: left, userErrors: [] } } } });

    await userEvent.click(screen.getByRole('button', { name: 'Remove SmarterMail Enterprise, 250 mailboxes' }));

    expect(api.variablesOf('RemoveCartLine')).toEqual([{ input: { lineId: 'line-1' } }]);
    expect(screen.getByRole('status')).toHaveTextContent('SmarterMail Enterprise, 250 mailboxes was removed from your cart.');
    expect(screen.queryByRole('row', { name: /^SmarterMail/ })).not.toBeInTheDocument();
    expect(totalRows()).toEqual(['Subtotal$449.00', 'Reseller discount (20%)−minus $89.80', 'Total$359.20']);
  });

  it('shows why a removal failed', async () => {
    renderCart({
      RemoveCartLine: {
        data: {
          removeCartLine: {
            cart: null,
            userErrors: [{ code: 'NOT_FOUND', message: 'No such cart line.', field: ['input', 'lineId'] }],
          },
        },
      },
    });

    await userEvent.click(screen.getByRole('button', { name: 'Remove SmarterTrack Professional, 5 agents' }));

    expect(screen.getByRole('alert')).toHaveTextContent('No such cart line.');
    expect(lineRow(/^SmarterTrack/)).toBeInTheDocument();
  });

  it('shows upgrade and M&S lines with their license and years, without a quantity, and one that can no longer be bought', () => {
    const cart = cartOf([UPGRADE_LINE, RENEWAL_LINE], { subtotal: '898.00', discount: '179.60', total: '718.40' });
    renderCart({ ShoppingCart: { data: { cart } } });
    const key = MODIFIED_KEY;

    const upgrade = lineRow(/^Upgrade/);
    const item = within(upgrade).getByRole('rowheader');
    expect(item).toHaveTextContent(UPGRADE_LINE.description);
    expect(within(item).getByRole('link', { name: key })).toHaveAttribute('href', `/licenses/${key}`);
    expect(item).toHaveTextContent(
      'Can no longer be bought: The license is Enterprise now. Remove this line to check out.',
    );
    expect(within(upgrade).queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(within(upgrade).queryByRole('combobox')).not.toBeInTheDocument();
    expect(cells(upgrade)[1]).toBe('1');
    expect(within(upgrade).getByRole('button', { name: `Remove Upgrade of ${key}` })).toBeInTheDocument();

    const renewal = lineRow(/^M&S renewal/);
    expect(within(renewal).getByRole('rowheader')).toHaveTextContent('3 years of M&S');
    expect(within(renewal).getByRole('rowheader')).not.toHaveTextContent('Can no longer be bought');
    expect(within(renewal).queryByRole('spinbutton')).not.toBeInTheDocument();
    expect(within(renewal).getByRole('combobox', { name: `Years of M&S for ${key}` })).toHaveDisplayValue('3 years');
  });

  it('changes an M&S line’s years and shows the price the server answers', async () => {
    const cart = cartOf([RENEWAL_LINE], { subtotal: '449.00', discount: '89.80', total: '359.20' });
    const changed = cartOf([{ ...RENEWAL_LINE, years: 5, unitPrice: usd('699.00'), subtotal: usd('699.00') }], {
      subtotal: '699.00',
      discount: '139.80',
      total: '559.20',
    });
    const api = renderCart({
      ShoppingCart: { data: { cart } },
      UpdateCartLine: { data: { updateCartLine: { cart: changed, userErrors: [] } } },
    });

    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: `Years of M&S for ${MODIFIED_KEY}` }),
      '5 years',
    );
    await userEvent.click(screen.getByRole('button', { name: `Update years of M&S for ${MODIFIED_KEY}` }));

    expect(api.variablesOf('UpdateCartLine')).toEqual([{ input: { lineId: 'line-4', years: 5 } }]);
    expect(screen.getByRole('status')).toHaveTextContent(`M&S renewal of ${MODIFIED_KEY}: now 5 years of M&S.`);
    const renewal = lineRow(/^M&S renewal/);
    expect(within(renewal).getByRole('rowheader')).toHaveTextContent('5 years of M&S');
    expect(within(renewal).getByRole('combobox', { name: `Years of M&S for ${MODIFIED_KEY}` })).toHaveDisplayValue(
      '5 years',
    );
    expect(cells(renewal)[0]).toBe('$699.00');
    expect(cells(renewal)[2]).toBe('$699.00');
    expect(totalRows()).toEqual(['Subtotal$699.00', 'Reseller discount (20%)−minus $139.80', 'Total$559.20']);
  });

  it('shows the server’s problem with an M&S line’s years next to it', async () => {
    const cart = cartOf([MAIL_LINE, RENEWAL_LINE], { subtotal: '2447.00', discount: '489.40', total: '1957.60' });
    renderCart({
      ShoppingCart: { data: { cart } },
      UpdateCartLine: {
        data: {
          updateCartLine: {
            cart: null,
            userErrors: [
              { code: 'INVALID', message: 'M&S for this license is no longer sold.', field: ['input', 'years'] },
            ],
          },
        },
      },
    });
    const years = screen.getByRole('combobox', { name: `Years of M&S for ${MODIFIED_KEY}` });

    await userEvent.selectOptions(years, '1 year');
    await userEvent.click(screen.getByRole('button', { name: `Update years of M&S for ${MODIFIED_KEY}` }));

    expect(years).toHaveAccessibleDescription('Error: M&S for this license is no longer sold.');
    expect(years).toHaveDisplayValue('1 year');
    expect(
      screen.getByRole('spinbutton', { name: 'Quantity of SmarterMail Enterprise, 250 mailboxes' }),
    ).not.toHaveAccessibleDescription();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('points an empty cart to the shop', () => {
    renderCart({ ShoppingCart: { data: { cart: EMPTY_CART } } });

    expect(screen.getByText('Your cart is empty.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Shop' })).toHaveAttribute('href', '/shop');
    expect(screen.queryByRole('link', { name: 'Checkout' })).not.toBeInTheDocument();
  });
});
