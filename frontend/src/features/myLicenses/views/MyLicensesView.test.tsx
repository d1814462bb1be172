import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ACTIVE_INSTALLATION, KEY, OLD_INSTALLATION } from '../../licenses/testData';
import { mockApi, type Answer } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import type { MyLicense } from '../queries';
import MyLicensesView from './MyLicensesView';

const MY_LICENSE: MyLicense = {
  id: 'TGljZW5zZTox',
  key: KEY,
  product: { code: 'smartermail', name: 'SmarterMail' },
  edition: { code: 'enterprise', name: 'Enterprise' },
  tier: { code: '1000', name: '1000 mailboxes' },
  addons: [
    { code: 'activesync', name: 'Exchange ActiveSync' },
    { code: 'cyren-antispam', name: 'Cyren Antispam' },
  ],
  maintenanceExpiresAt: '2027-11-27T12:00:00+00:00',
  maintenanceStatus: 'ACTIVE',
  assignedAt: '2026-11-27T12:00:00+00:00',
  soldBy: 'Reseller Example Inc.',
  reactivationRequired: true,
  activations: [ACTIVE_INSTALLATION, OLD_INSTALLATION],
};

function page(licenses: MyLicense[]) {
  return { data: { licenses: { edges: licenses.map((node) => ({ node })), pageInfo: { hasNextPage: false, endCursor: null } } } };
}

function renderPage(answers: Record<string, Answer | Answer[]>) {
  const api = mockApi(answers);
  renderView(<MyLicensesView />, { client: api.client, viewer: viewerWithRole('CUSTOMER') });
  return api;
}

const detail = (container: HTMLElement, label: string) =>
  within(container).getByText(label, { selector: 'dt' }).nextElementSibling;

describe('MyLicensesView', () => {
  it('shows each of the customer’s licenses: key to copy, M&S, who sold it, and its installations', async () => {
    const user = userEvent.setup();
    renderPage({ MyLicenses: page([MY_LICENSE]) });

    expect(screen.getByRole('heading', { level: 1, name: 'My licenses' })).toBeInTheDocument();
    const license = screen.getByRole('region', { name: 'SmarterMail Enterprise, 1000 mailboxes' });
    expect(detail(license, 'License key')).toHaveTextContent(KEY);
    expect(detail(license, 'Add-ons')).toHaveTextContent('Exchange ActiveSync, Cyren Antispam');
    expect(detail(license, 'Maintenance & Support until')).toHaveTextContent(/2027.*Active/);
    expect(detail(license, 'Yours since')).toHaveTextContent(/2026/);
    expect(detail(license, 'Sold by')).toHaveTextContent('Reseller Example Inc.');
    // nothing about orders, invoices or the reseller's own records
    expect(license).not.toHaveTextContent(/order|invoice/i);

    const installations = within(license).getByRole('table', { name: `Installations of ${KEY}` });
    const active = within(installations).getByRole('row', { name: /^mail\.customer\.example/ });
    expect(active).toHaveTextContent('fp-2222-2222');
    expect(active).toHaveTextContent('Active Reactivation required');
    expect(within(installations).getByRole('row', { name: /^old-mail\.customer\.example/ })).toHaveTextContent(
      'Deactivated',
    );
    expect(within(installations).getAllByRole('button', { name: /^Deactivate/ })).toHaveLength(1);
    expect(within(license).getByText(/must activate again/)).toBeInTheDocument();

    await user.click(within(license).getByRole('button', { name: `Copy key ${KEY}` }));
    expect(await navigator.clipboard.readText()).toBe(KEY);
  });

  it('deactivates the active installation once confirmed', async () => {
    const user = userEvent.setup();
    const api = renderPage({
      MyLicenses: page([MY_LICENSE]),
      DeactivateInstallation: {
        data: {
          deactivateInstallation: {
            installation: { ...ACTIVE_INSTALLATION, active: false, deactivatedAt: '2027-02-01T09:00:00+00:00' },
            userErrors: [],
          },
        },
      },
    });

    await user.click(screen.getByRole('button', { name: 'Deactivate mail.customer.example' }));
    expect(api.variablesOf('DeactivateInstallation')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Yes, deactivate' }));

    expect(api.variablesOf('DeactivateInstallation')).toEqual([{ input: { installationId: ACTIVE_INSTALLATION.id } }]);
    expect(screen.getByText('mail.customer.example is deactivated: the key can be activated on another server.')).toBeInTheDocument();
  });

  it('says so when the customer has no license yet', () => {
    renderPage({ MyLicenses: page([]) });
    expect(screen.getByText(/You have no licenses yet/)).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
