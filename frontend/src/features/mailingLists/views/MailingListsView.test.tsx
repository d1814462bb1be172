import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MailingListsQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import MailingListsView from './MailingListsView';

const LISTS: MailingListsQuery = {
  mailingLists: [
    { code: 'PRODUCT_NEWS', name: 'Product news', description: 'New releases.', subscribed: true, subscribers: [{ id: 'e1' }] },
    { code: 'BILLING_NOTICES', name: 'Billing notices', description: 'Price changes.', subscribed: false, subscribers: [] },
  ],
  employees: {
    edges: [
      { node: { id: 'e1', name: 'Olivia Owner', email: 'owner@reseller.example', isViewer: true, mailingLists: ['PRODUCT_NEWS'] } },
      { node: { id: 'e2', name: 'Carla Contact', email: 'carla@reseller.example', isViewer: false, mailingLists: [] } },
    ],
    pageInfo: { hasNextPage: false },
  },
};

const subscribed = {
  data: { setMailingListSubscription: { employee: { id: 'e1', mailingLists: [] }, userErrors: [] } },
};

describe('MailingListsView', () => {
  it('subscribes the viewer to a list', async () => {
    const api = mockApi({ MailingLists: { data: LISTS }, SetMailingListSubscription: subscribed });
    renderView(<MailingListsView />, { client: api.client, route: '/account/mailing-lists' });

    const billing = screen.getByRole('checkbox', { name: 'Send Billing notices to me' });
    expect(billing).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Send Product news to me' })).toBeChecked();
    await userEvent.click(billing);

    expect(api.variablesOf('SetMailingListSubscription')).toEqual([
      { input: { mailingList: 'BILLING_NOTICES', subscribed: true, employeeId: null } },
    ]);
    expect(screen.getByText('You will now receive Billing notices.')).toBeInTheDocument();
  });

  it('lets the owner choose the lists of everyone', async () => {
    const api = mockApi({ MailingLists: { data: LISTS }, SetMailingListSubscription: subscribed });
    renderView(<MailingListsView />, { client: api.client, route: '/account/mailing-lists' });

    expect(api.variablesOf('MailingLists')).toEqual([{ withPeople: true }]);
    const matrix = screen.getByRole('table', { name: 'Who receives which list' });
    const carla = within(matrix).getByRole('checkbox', { name: 'Send Product news to Carla Contact' });
    expect(carla).not.toBeChecked();
    await userEvent.click(carla);

    expect(api.variablesOf('SetMailingListSubscription')).toEqual([
      { input: { mailingList: 'PRODUCT_NEWS', subscribed: true, employeeId: 'e2' } },
    ]);
    expect(screen.getByText('Carla Contact will now receive Product news.')).toBeInTheDocument();
  });

  it('shows other roles only their own subscriptions', () => {
    const api = mockApi({ MailingLists: { data: { ...LISTS, employees: null } } });
    renderView(<MailingListsView />, {
      client: api.client,
      route: '/account/mailing-lists',
      viewer: viewerWithRole('RESELLER_VIEWER'),
    });

    expect(api.variablesOf('MailingLists')).toEqual([{ withPeople: false }]);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Send Product news to me' })).toBeInTheDocument();
  });
});
