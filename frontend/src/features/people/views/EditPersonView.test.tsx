import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PersonQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import EditPersonView from './EditPersonView';

const ROUTE = '/account/people/:employeeId';

function personAnswer(overrides: Record<string, unknown> = {}): { data: PersonQuery } {
  return {
    data: {
      node: {
        __typename: 'Employee',
        id: 'e1',
        name: 'Bianca Billing',
        email: 'billing@reseller.example',
        phone: '',
        jobTitle: 'Accounting',
        role: 'RESELLER_BILLING',
        loginStatus: 'ACTIVE',
        lastLoginAt: null,
        isViewer: false,
        ...overrides,
      },
    },
  };
}

const saved = {
  data: {
    updateEmployee: {
      employee: {
        id: 'e1',
        name: 'Bianca Billing',
        email: 'billing@reseller.example',
        phone: '',
        jobTitle: 'Accounting',
        role: null,
        loginStatus: 'NONE',
        lastLoginAt: null,
        isViewer: false,
      },
      userErrors: [],
    },
  },
};

describe('EditPersonView', () => {
  it('takes the login away when "No login" is chosen, sending only what changed', async () => {
    const api = mockApi({ Person: personAnswer(), UpdateEmployee: saved });
    renderView(<EditPersonView />, { client: api.client, route: ROUTE, path: '/account/people/e1' });

    expect(screen.getByRole('heading', { level: 1, name: 'Edit Bianca Billing' })).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('readonly');
    await userEvent.selectOptions(screen.getByLabelText('Access'), 'NONE');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(api.variablesOf('UpdateEmployee')).toEqual([{ input: { employeeId: 'e1', removeLogin: true } }]);
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent('/account/people');
  });

  it('gives a contact a login with a role', async () => {
    const api = mockApi({
      Person: personAnswer({ role: null, loginStatus: 'NONE', email: 'carla@reseller.example' }),
      UpdateEmployee: saved,
    });
    renderView(<EditPersonView />, { client: api.client, route: ROUTE, path: '/account/people/e1' });

    const email = screen.getByLabelText('Email');
    expect(email).not.toHaveAttribute('readonly');
    await userEvent.clear(email);
    await userEvent.type(email, 'carla@new.example');
    await userEvent.selectOptions(screen.getByLabelText('Access'), 'RESELLER_VIEWER');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(api.variablesOf('UpdateEmployee')).toEqual([
      { input: { employeeId: 'e1', email: 'carla@new.example', role: 'RESELLER_VIEWER' } },
    ]);
  });

  it('shows the role error next to Access', async () => {
    const api = mockApi({
      Person: personAnswer(),
      UpdateEmployee: {
        data: {
          updateEmployee: {
            employee: null,
            userErrors: [{ code: 'CONFLICT', message: 'The account needs an owner.', field: ['input', 'role'] }],
          },
        },
      },
    });
    renderView(<EditPersonView />, { client: api.client, route: ROUTE, path: '/account/people/e1' });

    await userEvent.selectOptions(screen.getByLabelText('Access'), 'RESELLER_VIEWER');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(screen.getByLabelText('Access')).toHaveAccessibleDescription(
      expect.stringContaining('Error: The account needs an owner.'),
    );
  });

  it('says when there is no such person', () => {
    const api = mockApi({ Person: { data: { node: null } } });
    renderView(<EditPersonView />, { client: api.client, route: ROUTE, path: '/account/people/nope' });

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  });

  it('is not for roles that may not manage the account', () => {
    renderView(<EditPersonView />, {
      client: mockApi({ Person: personAnswer() }).client,
      route: ROUTE,
      path: '/account/people/e1',
      viewer: viewerWithRole('RESELLER_VIEWER'),
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeInTheDocument();
  });

  it('does not offer to change one’s own access', () => {
    renderView(<EditPersonView />, {
      client: mockApi({ Person: personAnswer({ isViewer: true }) }).client,
      route: ROUTE,
      path: '/account/people/e1',
    });

    const access = screen.getByLabelText('Access');
    expect(access).toBeDisabled();
    expect(access).toHaveAccessibleDescription('You cannot change your own access.');
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
  });

  it('sends someone invited a new invitation, saying the previous link no longer works', async () => {
    const invited = personAnswer({ loginStatus: 'INVITED' });
    const api = mockApi({
      Person: invited,
      ResendInvitation: { data: { resendInvitation: { employee: invited.data.node, userErrors: [] } } },
    });
    renderView(<EditPersonView />, { client: api.client, route: ROUTE, path: '/account/people/e1' });

    const panel = screen.getByRole('region', { name: 'Invitation' });
    expect(panel).toHaveTextContent('Bianca Billing was invited but has not chosen a password yet.');
    await userEvent.click(within(panel).getByRole('button', { name: 'Send a new invitation' }));

    expect(api.variablesOf('ResendInvitation')).toEqual([{ input: { employeeId: 'e1' } }]);
    expect(within(panel).getByRole('status')).toHaveTextContent(
      'A new invitation is on its way to billing@reseller.example; the previous link no longer works.',
    );
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent('/account/people/e1');
  });

  it('says why a new invitation could not be sent', async () => {
    const api = mockApi({
      Person: personAnswer({ loginStatus: 'INVITED' }),
      ResendInvitation: {
        data: {
          resendInvitation: {
            employee: null,
            userErrors: [
              {
                code: 'CONFLICT',
                message: 'Only someone invited who has not chosen a password yet can be invited again.',
                field: ['input', 'employeeId'],
              },
            ],
          },
        },
      },
    });
    renderView(<EditPersonView />, { client: api.client, route: ROUTE, path: '/account/people/e1' });

    const panel = screen.getByRole('region', { name: 'Invitation' });
    await userEvent.click(within(panel).getByRole('button', { name: 'Send a new invitation' }));

    expect(within(panel).getByRole('alert')).toHaveTextContent(
      'Only someone invited who has not chosen a password yet can be invited again.',
    );
    expect(within(panel).getByRole('status')).toBeEmptyDOMElement();
  });

  it('offers a new invitation only to someone still invited', () => {
    renderView(<EditPersonView />, {
      client: mockApi({ Person: personAnswer() }).client,
      route: ROUTE,
      path: '/account/people/e1',
    });

    expect(screen.queryByRole('button', { name: 'Send a new invitation' })).not.toBeInTheDocument();
  });
});
