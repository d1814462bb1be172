import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import type { AuditEventsQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import AuditLogView from './AuditLogView';

const EVENTS: { data: AuditEventsQuery } = {
  data: {
    auditEvents: {
      edges: [
        {
          node: {
            id: 'a1',
            occurredAt: '2026-11-27T01:44:48+00:00',
            action: 'account.update',
            actor: 'owner@reseller.example',
            targetType: 'Reseller',
            targetLabel: 'Reseller Example Inc.',
            ipAddress: '192.0.2.7',
            changes: [
              { field: 'phone', oldValue: '"+1 555 010 2000"', newValue: '"+1 555 010 9999"' },
              { field: 'notifyLicenseAssigned', oldValue: 'false', newValue: 'true' },
            ],
            reseller: { id: 'r1', name: 'Reseller Example Inc.' },
          },
        },
      ],
      pageInfo: { hasNextPage: true, endCursor: 'c1' },
    },
  },
};

const ACTIONS = {
  data: {
    auditActions: [
      'account.update',
      'employee.add',
      'employee.reinvite',
      'session.login',
      'session.logout',
      'widget.polish_all',
    ],
  },
};

/** The Action filter's choices, each group as its name and its options' names. */
function filterChoices() {
  const select = screen.getByLabelText('Action');
  return [...select.children].map((child) =>
    child instanceof HTMLOptGroupElement
      ? [child.label, [...child.querySelectorAll('option')].map((option) => `${option.value} = ${option.text}`)]
      : child.textContent,
  );
}

describe('AuditLogView', () => {
  it('shows each event with its time in UTC as a tooltip, and what changed', () => {
    renderView(<AuditLogView />, { client: mockApi({ AuditEvents: EVENTS }).client, route: '/account/audit-log' });

    const row = screen.getByRole('table', { name: 'Audit events, newest first' }).querySelector('tbody tr');
    if (!(row instanceof HTMLElement)) throw new Error('no row');
    const time = within(row).getByText((_, element) => element?.tagName === 'TIME');
    expect(time).toHaveAttribute('datetime', '2026-11-27T01:44:48+00:00');
    expect(time).toHaveAttribute('title', '2026-11-27 01:44:48 UTC');
    expect(row).toHaveTextContent('owner@reseller.examplefrom 192.0.2.7');
    expect(row).toHaveTextContent('account.update');
    expect(row).toHaveTextContent(/phone: \+1 555 010 2000 → changed to \+1 555 010 9999/);
    expect(row).toHaveTextContent(/notifyLicenseAssigned: no → changed to yes/);
    expect(screen.queryByRole('columnheader', { name: 'Account' })).not.toBeInTheDocument();
  });

  it('offers each family of the actions the log holds, and each action, by readable names', () => {
    renderView(<AuditLogView />, {
      client: mockApi({ AuditEvents: EVENTS, AuditActions: ACTIONS }).client,
      route: '/account/audit-log',
    });

    expect(filterChoices()).toEqual([
      'All actions',
      ['Company details', ['account = Company details: all', 'account.update = Company details changed']],
      ['People', ['employee = People: all', 'employee.add = Person added', 'employee.reinvite = Person invited again']],
      [
        'Sign-ins and sign-outs',
        ['session = Sign-ins and sign-outs: all', 'session.login = Signed in', 'session.logout = Signed out'],
      ],
      ['Widget', ['widget = Widget: all', 'widget.polish_all = Widget: polish all']],
    ]);
  });

  it('filters by a family or one action, and loads more', async () => {
    const api = mockApi({ AuditEvents: EVENTS, AuditActions: ACTIONS });
    renderView(<AuditLogView />, { client: api.client, route: '/account/audit-log' });

    await userEvent.selectOptions(screen.getByLabelText('Action'), 'employee');
    expect(api.variablesOf('AuditEvents').at(-1)).toEqual({ action: 'employee', first: 50, after: null });

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(api.variablesOf('AuditEvents').at(-1)).toEqual({ action: 'employee', first: 50, after: 'c1' });

    await userEvent.selectOptions(screen.getByLabelText('Action'), 'Person invited again');
    expect(api.variablesOf('AuditEvents').at(-1)).toEqual({ action: 'employee.reinvite', first: 50, after: null });
  });

  it('still filters nothing out when the kinds of action cannot be loaded, and asks again', async () => {
    const api = mockApi({
      AuditEvents: EVENTS,
      AuditActions: [{ error: new CombinedError({ networkError: new Error('offline') }) }, ACTIONS],
    });
    renderView(<AuditLogView />, { client: api.client, route: '/account/audit-log' });

    expect(screen.getByRole('alert')).toHaveTextContent('The kinds of action to filter by could not be loaded.');
    expect(filterChoices()).toEqual(['All actions']);
    expect(screen.getByRole('table', { name: 'Audit events, newest first' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));

    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(within(screen.getByLabelText('Action')).getByRole('option', { name: 'Signed in' })).toBeInTheDocument();
  });

  it('shows the vendor which account each event concerns, and the vendor’s kinds of action', () => {
    renderView(<AuditLogView />, {
      client: mockApi({ AuditEvents: EVENTS, AuditActions: { data: { auditActions: ['reseller.create'] } } }).client,
      route: '/audit-log',
      viewer: viewerWithRole('VENDOR_ADMIN'),
    });

    expect(screen.getByRole('columnheader', { name: 'Account' })).toBeInTheDocument();
    const filter = within(screen.getByLabelText('Action'));
    expect(filter.getByRole('option', { name: 'Resellers: all' })).toBeInTheDocument();
    expect(filter.getByRole('option', { name: 'Reseller created' })).toBeInTheDocument();
  });
});
