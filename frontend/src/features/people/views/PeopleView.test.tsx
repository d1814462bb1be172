import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PeopleQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import PeopleView from './PeopleView';

type Person = PeopleQuery['employees']['edges'][number]['node'];

const person = (id: string, name: string, overrides: Partial<Person> = {}): Person => ({
  id,
  name,
  email: `${name.split(' ')[0]?.toLowerCase() ?? 'x'}@reseller.example`,
  phone: '',
  jobTitle: '',
  role: 'RESELLER_VIEWER',
  loginStatus: 'ACTIVE',
  lastLoginAt: null,
  isViewer: false,
  ...overrides,
});

function page(people: Person[], endCursor: string | null, hasNextPage = false): { data: PeopleQuery } {
  return {
    data: {
      employees: { edges: people.map((node) => ({ node })), pageInfo: { hasNextPage, hasPreviousPage: false, endCursor } },
    },
  };
}

const FIRST_PAGE = page(
  [
    person('e1', 'Bianca Billing', { role: 'RESELLER_BILLING', jobTitle: 'Accounting' }),
    person('e2', 'Carla Contact', { role: null, loginStatus: 'NONE' }),
    person('e3', 'Olivia Owner', { role: 'RESELLER_OWNER', isViewer: true }),
  ],
  'c3',
  true,
);
const SECOND_PAGE = page([person('e4', 'Victor Viewer', { loginStatus: 'INVITED' })], 'c4');

function rowOf(name: string) {
  return screen.getByRole('row', { name: new RegExp(`^${name}`) });
}

describe('PeopleView', () => {
  it('lists the people with their access and login, page by page', async () => {
    const api = mockApi({ People: (variables) => (variables.after === 'c3' ? SECOND_PAGE : FIRST_PAGE) });
    renderView(<PeopleView />, { client: api.client, route: '/account/people' });

    expect(within(rowOf('Bianca Billing')).getAllByRole('cell').map((cell) => cell.textContent)).toEqual([
      'bianca@reseller.example',
      'Billing',
      'Active',
      'Edit Bianca BillingRemove Bianca Billing',
    ]);
    expect(within(rowOf('Carla Contact')).getByText('Contact only')).toBeInTheDocument();
    expect(within(rowOf('Carla Contact')).getByText('No login')).toBeInTheDocument();
    expect(within(rowOf('Olivia Owner')).queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();

    expect(screen.getByText('Showing the first 3 people.')).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'Next page' }));

    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(/^\/account\/people\?after=c3$/);
    expect(api.variablesOf('People').at(-1)).toEqual({
      search: null,
      role: null,
      first: 50,
      after: 'c3',
      last: null,
      before: null,
      orderBy: { field: 'NAME', direction: 'ASC' },
    });
    expect(within(rowOf('Victor Viewer')).getByText('Invited')).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Showing the last 1 people.')).toBeInTheDocument();
  });

  it('adds a person with a login role, who is invited by email', async () => {
    const api = mockApi({
      People: FIRST_PAGE,
      AddEmployee: {
        data: {
          addEmployee: {
            employee: {
              id: 'e9',
              name: 'Nina New',
              email: 'nina@reseller.example',
              role: 'RESELLER_PURCHASER',
              loginStatus: 'INVITED',
            },
            userErrors: [],
          },
        },
      },
    });
    renderView(<PeopleView />, { client: api.client, route: '/account/people' });

    const toggle = screen.getByRole('button', { name: 'Add a person' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    const form = screen.getByRole('form', { name: 'Add a person' });
    await userEvent.type(within(form).getByLabelText('Name'), 'Nina New');
    await userEvent.type(within(form).getByLabelText('Email'), 'nina@reseller.example');
    await userEvent.type(within(form).getByLabelText('Job title (optional)'), 'Buyer');
    await userEvent.selectOptions(within(form).getByLabelText('Access'), 'RESELLER_PURCHASER');
    await userEvent.click(within(form).getByRole('button', { name: 'Add person' }));

    expect(api.variablesOf('AddEmployee')).toEqual([
      {
        input: { name: 'Nina New', email: 'nina@reseller.example', phone: null, jobTitle: 'Buyer', role: 'RESELLER_PURCHASER' },
      },
    ]);
    expect(
      screen.getByText('Nina New was added and invited: an email to nina@reseller.example has a link to choose a password.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Add a person' })).not.toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('offers "No login (contact only)" and the four reseller roles as access', async () => {
    renderView(<PeopleView />, { client: mockApi({ People: FIRST_PAGE }).client, route: '/account/people' });
    await userEvent.click(screen.getByRole('button', { name: 'Add a person' }));

    const access = screen.getByLabelText('Access');
    expect(within(access).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'No login (contact only)',
      'Owner: everything, including people, API keys and the audit log',
      'Purchaser: shop, check out, assign and modify licenses',
      'Billing: invoices and payments, read licenses',
      'Viewer: read everything, change nothing',
    ]);
    expect(access).toHaveValue('NONE');
  });

  it('removes a person only after confirmation', async () => {
    const api = mockApi({
      People: FIRST_PAGE,
      RemoveEmployee: { data: { removeEmployee: { removedEmployeeId: 'e1', userErrors: [] } } },
    });
    renderView(<PeopleView />, { client: api.client, route: '/account/people' });

    await userEvent.click(screen.getByRole('button', { name: 'Remove Bianca Billing' }));
    const confirm = screen.getByRole('group', { name: /Remove Bianca Billing\?/ });
    expect(within(confirm).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    expect(api.executeMutation).not.toHaveBeenCalled();
    await userEvent.click(within(confirm).getByRole('button', { name: 'Yes, remove' }));

    expect(api.variablesOf('RemoveEmployee')).toEqual([{ input: { employeeId: 'e1' } }]);
    expect(screen.getByText('Bianca Billing was removed.')).toBeInTheDocument();
  });

  it('shows the list without changing it to a role that may only read', () => {
    renderView(<PeopleView />, {
      client: mockApi({ People: FIRST_PAGE }).client,
      route: '/account/people',
      viewer: viewerWithRole('RESELLER_PURCHASER'),
    });

    expect(screen.getByRole('table', { name: 'People of the account, by name' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a person' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Edit/ })).not.toBeInTheDocument();
  });

  it('searches by name or email', async () => {
    const api = mockApi({ People: FIRST_PAGE });
    renderView(<PeopleView />, { client: api.client, route: '/account/people' });

    const search = screen.getByRole('search');
    await userEvent.type(within(search).getByLabelText('Search people'), 'bianca{Enter}');

    expect(api.variablesOf('People').at(-1)).toMatchObject({ search: 'bianca', first: 50, after: null });
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(/^\/account\/people\?search=bianca$/);
  });

  it('filters by role and sorts by email, from the address and from the page', async () => {
    const api = mockApi({ People: FIRST_PAGE });
    renderView(<PeopleView />, {
      client: api.client,
      route: '/account/people',
      path: '/account/people?role=RESELLER_BILLING&sort=email&dir=desc',
    });
    expect(api.variablesOf('People')[0]).toMatchObject({
      role: 'RESELLER_BILLING',
      orderBy: { field: 'EMAIL', direction: 'DESC' },
    });
    expect(screen.getByLabelText('Role')).toHaveDisplayValue('Billing');
    expect(screen.getByRole('columnheader', { name: 'Contact' })).toHaveAttribute('aria-sort', 'descending');

    await userEvent.click(screen.getByRole('link', { name: 'Contact' }));
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(
      /^\/account\/people\?role=RESELLER_BILLING&sort=email$/,
    );

    await userEvent.selectOptions(screen.getByLabelText('Role'), 'Any role');
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(/^\/account\/people\?sort=email$/);
  });
});
