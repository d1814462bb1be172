import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { AddNewLicenseToCartMutation, ShopProductQuery } from '../../../gql/graphql';
import { mockApi, type Answer } from '../../../test/mockApi';
import { usd } from '../../../test/money';
import { renderView } from '../../../test/render';
import ProductView from './ProductView';

const edition = (code: string, name: string) => ({ id: `e-${code}`, code, name, description: `${name} edition.` });
const price = (editionCode: string, tierCode: string, amount: string) => ({
  edition: { code: editionCode },
  tier: { code: tierCode },
  price: usd(amount),
});

const PRODUCT: ShopProductQuery = {
  product: {
    id: 'UHJvZHVjdDox',
    code: 'smartermail',
    name: 'SmarterMail',
    unit: 'mailboxes',
    description: 'Email and collaboration server.',
    editions: [edition('free', 'Free'), edition('professional', 'Professional'), edition('enterprise', 'Enterprise')],
    tiers: [
      { id: 't10', code: '10', name: '10 mailboxes' },
      { id: 't250', code: '250', name: '250 mailboxes' },
      { id: 'tu', code: 'unlimited', name: 'Unlimited' },
    ],
    prices: [
      price('free', '10', '0.00'),
      price('professional', '250', '399.00'),
      price('professional', 'unlimited', '1499.00'),
      price('enterprise', '250', '749.00'),
      price('enterprise', 'unlimited', '2499.00'),
    ],
    addons: [
      {
        id: 'a1',
        code: 'activesync',
        name: 'Exchange ActiveSync',
        description: 'Native sync for phones.',
        allowedEditions: [{ code: 'enterprise', name: 'Enterprise' }],
        prices: [
          { tier: { code: '250' }, yearlyPrice: usd('250.00') },
          { tier: { code: 'unlimited' }, yearlyPrice: usd('1600.00') },
        ],
      },
      {
        id: 'a2',
        code: 'message-sniffer',
        name: 'Message Sniffer',
        description: 'Pattern-based spam filtering.',
        allowedEditions: [
          { code: 'professional', name: 'Professional' },
          { code: 'enterprise', name: 'Enterprise' },
        ],
        prices: [{ tier: { code: '250' }, yearlyPrice: usd('100.00') }],
      },
    ],
  },
};

const ADDED: AddNewLicenseToCartMutation = {
  addNewLicenseToCart: {
    cartLine: {
      id: 'line-1',
      description: 'SmarterMail Enterprise, 250 mailboxes + Exchange ActiveSync',
      quantity: 2,
      total: usd('1598.40'),
    },
    cart: { licenseCount: 2, total: usd('1598.40') },
    userErrors: [],
  },
};

function renderProduct(answers: Record<string, Answer | Answer[]> = {}) {
  const api = mockApi({ ShopProduct: { data: PRODUCT }, ...answers });
  renderView(<ProductView />, { client: api.client, route: '/shop/:productCode', path: '/shop/smartermail' });
  return api;
}

const radio = (name: string) => screen.getByRole('radio', { name });
const checkbox = (name: string) => screen.getByRole('checkbox', { name });

async function chooseEnterpriseWithActiveSync(quantity: string) {
  await userEvent.click(radio('Enterprise'));
  await userEvent.click(checkbox('Exchange ActiveSync'));
  const field = screen.getByLabelText('Quantity');
  await userEvent.clear(field);
  if (quantity) await userEvent.type(field, quantity);
}

describe('ProductView', () => {
  it('asks for the product by the code in the address', () => {
    const api = renderProduct();

    expect(api.variablesOf('ShopProduct')).toEqual([{ code: 'smartermail' }]);
    expect(screen.getByRole('heading', { level: 1, name: 'Buy SmarterMail' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to the shop' })).toHaveAttribute('href', '/shop');
  });

  it('offers only the tiers on sale with the edition, and moves to one when the edition changes', async () => {
    renderProduct();

    expect(radio('Free')).toBeChecked();
    expect(radio('10 mailboxes')).toBeChecked();
    expect(radio('250 mailboxes')).toBeDisabled();
    expect(radio('250 mailboxes')).toHaveAccessibleDescription('Not sold with Free.');

    await userEvent.click(radio('Enterprise'));

    expect(radio('10 mailboxes')).toBeDisabled();
    expect(radio('250 mailboxes')).toBeChecked();
    expect(radio('250 mailboxes')).toHaveAccessibleDescription('List price $749.00');
    expect(radio('Unlimited')).toBeEnabled();
  });

  it('offers the add-ons the edition allows and explains the others', async () => {
    renderProduct();

    expect(checkbox('Exchange ActiveSync')).toBeDisabled();
    expect(checkbox('Exchange ActiveSync')).toHaveAccessibleDescription(
      'Available with Enterprise only, not with Free.',
    );
    expect(checkbox('Message Sniffer')).toBeDisabled();

    await userEvent.click(radio('Professional'));

    expect(checkbox('Exchange ActiveSync')).toBeDisabled();
    expect(checkbox('Exchange ActiveSync')).toHaveAccessibleDescription(
      'Available with Enterprise only, not with Professional.',
    );
    expect(checkbox('Message Sniffer')).toBeEnabled();
    expect(checkbox('Message Sniffer')).toHaveAccessibleDescription(
      '$100.00 a year. Pattern-based spam filtering.',
    );

    await userEvent.click(radio('Enterprise'));
    await userEvent.click(checkbox('Exchange ActiveSync'));
    expect(checkbox('Exchange ActiveSync')).toBeChecked();

    await userEvent.click(radio('Professional'));

    expect(checkbox('Exchange ActiveSync')).not.toBeChecked();
    expect(checkbox('Exchange ActiveSync')).toBeDisabled();
  });

  it('drops an add-on not sold at the tier chosen', async () => {
    renderProduct();
    await userEvent.click(radio('Enterprise'));
    await userEvent.click(checkbox('Message Sniffer'));

    await userEvent.click(radio('Unlimited'));

    expect(checkbox('Message Sniffer')).not.toBeChecked();
    expect(checkbox('Message Sniffer')).toHaveAccessibleDescription('Not sold with Unlimited.');
  });

  it('shows the list price of the choice as it changes', async () => {
    renderProduct();

    await chooseEnterpriseWithActiveSync('2');

    const preview = screen.getByRole('region', { name: 'List price' });
    expect(within(preview).getByText('SmarterMail Enterprise, 250 mailboxes').nextSibling).toHaveTextContent('$749.00');
    expect(within(preview).getByText('Exchange ActiveSync, 12 months').nextSibling).toHaveTextContent('$250.00');
    expect(within(preview).getByText('List price per license').nextSibling).toHaveTextContent('$999.00');
    expect(preview).toHaveTextContent('Line total at list price: 2 × $999.00 = $1,998.00');
  });

  it('adds the choice to the cart and offers the cart or more shopping', async () => {
    const api = renderProduct({ AddNewLicenseToCart: { data: ADDED } });
    await chooseEnterpriseWithActiveSync('2');
    await userEvent.type(screen.getByLabelText('Assign to customer email (optional)'), ' alice@customer.example ');

    await userEvent.click(screen.getByRole('button', { name: 'Add to cart' }));

    expect(api.variablesOf('AddNewLicenseToCart')).toEqual([
      {
        input: {
          productCode: 'smartermail',
          editionCode: 'enterprise',
          tier: '250',
          addonCodes: ['activesync'],
          quantity: 2,
          assignToEmail: 'alice@customer.example',
          personal: false,
        },
      },
    ]);
    const added = screen.getByRole('region', { name: 'Added to your cart' });
    expect(within(added).getByRole('heading')).toHaveFocus();
    expect(added).toHaveTextContent(
      '2 × SmarterMail Enterprise, 250 mailboxes + Exchange ActiveSync: $1,598.40 after your discount.',
    );
    expect(within(added).getByRole('link', { name: 'View cart' })).toHaveAttribute('href', '/cart');
    expect(within(added).getByRole('link', { name: 'Continue shopping' })).toHaveAttribute('href', '/shop');
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it.each(['0', '101', '2.5', ''])('refuses the quantity “%s” before sending anything', async (quantity) => {
    const api = renderProduct();
    await chooseEnterpriseWithActiveSync(quantity);

    await userEvent.click(screen.getByRole('button', { name: 'Add to cart' }));

    expect(screen.getByLabelText('Quantity')).toHaveAccessibleDescription(
      expect.stringContaining('Choose a quantity from 1 to 100.'),
    );
    expect(screen.getByLabelText('Quantity')).toHaveAttribute('aria-invalid', 'true');
    expect(api.executeMutation).not.toHaveBeenCalled();
  });

  it('shows the server’s problems next to their fields, and the others above the form', async () => {
    renderProduct({
      AddNewLicenseToCart: {
        data: {
          addNewLicenseToCart: {
            cartLine: null,
            cart: null,
            userErrors: [
              { code: 'INVALID', message: 'Choose a quantity from 1 to 100.', field: ['input', 'quantity'] },
              { code: 'INVALID', message: 'Enter a valid email address.', field: ['input', 'assignToEmail'] },
              {
                code: 'INVALID',
                message: 'Exchange ActiveSync is not available with Professional (only with Enterprise).',
                field: ['input', 'addonCodes', '0'],
              },
              { code: 'NOT_FOUND', message: 'No product “smartermail”.', field: ['input', 'productCode'] },
            ],
          },
        },
      },
    });
    await chooseEnterpriseWithActiveSync('3');
    await userEvent.type(screen.getByLabelText('Assign to customer email (optional)'), 'alice@');

    await userEvent.click(screen.getByRole('button', { name: 'Add to cart' }));

    expect(screen.getByLabelText('Quantity')).toHaveAccessibleDescription(
      expect.stringContaining('Error: Choose a quantity from 1 to 100.'),
    );
    expect(screen.getByLabelText('Assign to customer email (optional)')).toHaveAccessibleDescription(
      expect.stringContaining('Error: Enter a valid email address.'),
    );
    expect(screen.getByRole('group', { name: 'Add-ons' })).toHaveTextContent(
      'Exchange ActiveSync is not available with Professional (only with Enterprise).',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('No product “smartermail”.');
    expect(screen.getByLabelText('Quantity')).toHaveValue(3);
  });

  it('buys for the company’s own use or for a customer, never both', async () => {
    const api = renderProduct({ AddNewLicenseToCart: { data: ADDED } });
    const email = screen.getByLabelText('Assign to customer email (optional)');
    await userEvent.type(email, 'alice@customer.example');

    await userEvent.click(checkbox('For our own use (personal)'));

    expect(email).toBeDisabled();
    expect(email).toHaveValue('');
    await userEvent.click(screen.getByRole('button', { name: 'Add to cart' }));
    expect(api.variablesOf('AddNewLicenseToCart')[0]).toMatchObject({
      input: { editionCode: 'free', tier: '10', assignToEmail: null, personal: true, quantity: 1 },
    });
  });

  it('tells when there is no such product', () => {
    renderProduct({ ShopProduct: { data: { product: null } } });

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });
});
