import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
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

  it('filters by kind of action and loads more', async () => {
    const api = mockApi({ AuditEvents: EVENTS });
    renderView(<AuditLogView />, { client: api.client, route: '/account/audit-log' });

    await userEvent.selectOptions(screen.getByLabelText('Action'), 'employee');
    expect(api.variablesOf('AuditEvents').at(-1)).toEqual({ action: 'employee', first: 50, after: null });

    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(api.variablesOf('AuditEvents').at(-1)).toEqual({ action: 'employee', first: 50, after: 'c1' });
  });

  it('shows the vendor which account each event concerns', () => {
    renderView(<AuditLogView />, {
      client: mockApi({ AuditEvents: EVENTS }).client,
      route: '/audit-log',
      viewer: viewerWithRole('VENDOR_ADMIN'),
    });

    expect(screen.getByRole('columnheader', { name: 'Account' })).toBeInTheDocument();
    expect(within(screen.getByLabelText('Action')).getByRole('option', { name: 'Resellers' })).toBeInTheDocument();
  });
});
