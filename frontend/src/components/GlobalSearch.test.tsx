import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { GlobalSearchQuery } from '../gql/graphql';
import { mockApi } from '../test/mockApi';
import { usd } from '../test/money';
import { renderView } from '../test/render';
import { GlobalSearch } from './GlobalSearch';

const KEY = '7KQ2MX-R9TP4H-2345AB-CDEFGH-JKMNPQ-RSTWXY';

type Hit = GlobalSearchQuery['search'][number];

const LICENSE: Hit = {
  __typename: 'License',
  id: 'TGljZW5zZTox',
  key: KEY,
  personal: false,
  product: { name: 'SmarterMail' },
  customer: { email: 'ana@customer.example' },
};
const ANA: Hit = {
  __typename: 'Customer',
  id: 'Q3VzdG9tZXI6MQ==',
  email: 'ana@customer.example',
  name: 'Ana',
  licenseCount: 2,
};
const ANABEL: Hit = {
  __typename: 'Customer',
  id: 'Q3VzdG9tZXI6Mg==',
  email: 'anabel@customer.example',
  name: '',
  licenseCount: 1,
};
const INVOICE: Hit = {
  __typename: 'Invoice',
  id: 'SW52b2ljZTox',
  number: 'INV-2026-000012',
  issuedAt: '2026-03-02T10:00:00+00:00',
  total: usd('799.20'),
};
const ORDER: Hit = {
  __typename: 'Order',
  id: 'T3JkZXI6MQ==',
  number: 'ORD-2026-000012',
  placedAt: '2026-03-02T10:00:00+00:00',
  total: usd('799.20'),
};

/** The API answering each query with the hits listed for it, and nothing for any other. */
function searchApi(hitsByQuery: Record<string, Hit[]>) {
  return mockApi({
    GlobalSearch: ({ query }) => ({ data: { search: hitsByQuery[query as string] ?? [] } }),
  });
}

function renderSearch(hitsByQuery: Record<string, Hit[]>) {
  const api = searchApi(hitsByQuery);
  const utils = renderView(
    <>
      <GlobalSearch />
      <label>
        Notes
        <input />
      </label>
    </>,
    // in the header on every page
    { client: api.client, route: '*', path: '/' },
  );
  const combobox = screen.getByRole('combobox', {
    name: 'Search by license key, customer email, invoice or order number',
  });
  return { ...utils, api, combobox };
}

function location() {
  return screen.getByRole('note', { name: 'Current location' });
}

describe('GlobalSearch', () => {
  it('lists the hits after three characters and a pause, and opens the one chosen with the arrows', async () => {
    const user = userEvent.setup();
    const { api, combobox } = renderSearch({ ana: [ANA, ANABEL, LICENSE] });

    await user.type(combobox, 'an');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    await user.type(combobox, 'a');

    const listbox = await screen.findByRole('listbox', { name: 'Search results' });
    await within(listbox).findAllByRole('option');
    expect(api.variablesOf('GlobalSearch')).toEqual([{ query: 'ana', first: 8 }]);
    expect(combobox).toHaveAttribute('aria-expanded', 'true');
    expect(combobox).toHaveAttribute('aria-controls', listbox.id);
    const options = within(listbox).getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Customer ana@customer.exampleAna · 2 licenses',
      'Customer anabel@customer.example1 license',
      `License ${KEY}SmarterMail · ana@customer.example`,
    ]);

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(combobox).toHaveAttribute('aria-activedescendant', options[1]?.id);
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(combobox).toHaveAttribute('aria-activedescendant', options[2]?.id);
    await user.keyboard('{Enter}');

    expect(location()).toHaveTextContent(`/licenses/${KEY}`);
    expect(combobox).toHaveValue('');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
  });

  it('opens the only hit on Enter, even before the list is shown', async () => {
    const user = userEvent.setup();
    const { combobox } = renderSearch({ [KEY]: [LICENSE] });

    await user.type(combobox, `${KEY}{Enter}`);

    expect(await screen.findByText(`/licenses/${KEY}`)).toBeInTheDocument();
  });

  it('opens the hit named exactly on Enter among others: a customer’s licenses', async () => {
    const user = userEvent.setup();
    const { combobox } = renderSearch({ 'ana@customer.example': [ANABEL, ANA] });

    await user.type(combobox, 'ana@customer.example{Enter}');

    expect(await screen.findByText('/licenses?customer=Q3VzdG9tZXI6MQ%3D%3D')).toBeInTheDocument();
  });

  it('opens invoices and orders by their pages, with a click too', async () => {
    const user = userEvent.setup();
    const { combobox } = renderSearch({ '000012': [INVOICE, ORDER] });

    await user.type(combobox, '000012{Enter}');
    const listbox = await screen.findByRole('listbox');
    expect(location()).toHaveTextContent(/^\/$/);
    await user.click(within(listbox).getByRole('option', { name: /INV-2026-000012/ }));
    expect(location()).toHaveTextContent('/invoices/SW52b2ljZTox');

    await user.type(combobox, '000012');
    await user.click(await screen.findByRole('option', { name: /ORD-2026-000012/ }));
    expect(location()).toHaveTextContent('/orders/T3JkZXI6MQ%3D%3D');
  });

  it('says when nothing matches, and Escape closes the list, then empties the field', async () => {
    const user = userEvent.setup();
    const { combobox } = renderSearch({});

    await user.type(combobox, 'nothing');

    const listbox = await screen.findByRole('listbox');
    expect(await within(listbox).findByRole('option', { name: 'No matches for “nothing”' })).toHaveAttribute(
      'aria-disabled',
      'true',
    );
    expect(screen.getByRole('status')).toHaveTextContent('No matches');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(location()).toHaveTextContent(/^\/$/);
    expect(combobox).not.toHaveAttribute('aria-activedescendant');

    await user.keyboard('{Escape}');
    expect(combobox).toHaveAttribute('aria-expanded', 'false');
    expect(combobox).toHaveValue('nothing');
    await user.keyboard('{Escape}');
    expect(combobox).toHaveValue('');
  });

  it('takes the focus on "/" unless one is typing elsewhere', async () => {
    const user = userEvent.setup();
    const { combobox } = renderSearch({});
    const notes = screen.getByRole('textbox', { name: 'Notes' });

    await user.click(notes);
    await user.keyboard('/');
    expect(notes).toHaveValue('/');
    expect(notes).toHaveFocus();

    notes.blur();
    await user.keyboard('/');
    expect(combobox).toHaveFocus();
    expect(combobox).toHaveValue('');
    expect(combobox).toHaveAttribute('aria-keyshortcuts', '/');
  });
});
