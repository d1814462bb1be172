import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LicenseQuery } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import { ACTIVE_INSTALLATION, OLD_INSTALLATION, PRODUCT, RENEWAL } from '../testData';
import LicenseView from './LicenseView';

const KEY = '7KQ2MX-R9TP4H-2345AB-CDEFGH-JKMNPQ-RSTWXY';

const LICENSE: { data: LicenseQuery } = {
  data: {
    license: {
      id: 'TGljZW5zZTox',
      key: KEY,
      status: 'UNASSIGNED',
      personal: false,
      product: { code: 'smartermail', name: 'SmarterMail' },
      edition: { code: 'professional', name: 'Professional' },
      tier: { code: '1000', name: '1000 mailboxes' },
      addons: [],
      maintenanceExpiresAt: '2027-11-27T12:00:00+00:00',
      maintenanceStatus: 'EXPIRED',
      createdAt: '2026-11-27T12:00:00+00:00',
      assignedAt: null,
      revision: 3,
      order: { id: 'T3JkZXI6MQ==', number: 'ORD-2026-000001' },
      reseller: { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' },
      customer: null,
      maintenanceOffer: RENEWAL,
      reactivationRequired: true,
      activations: [ACTIVE_INSTALLATION, OLD_INSTALLATION],
    },
  },
};

/** The value beside a label in the details list. */
function detail(label: string) {
  return screen.getByText(label, { selector: 'dt' }).nextElementSibling;
}

describe('LicenseView', () => {
  it('shows every field of the license by the key in the address, and copies the key', async () => {
    const user = userEvent.setup();
    const api = mockApi({ License: LICENSE });
    renderView(<LicenseView />, { client: api.client, route: '/licenses/:licenseKey', path: `/licenses/${KEY}` });

    expect(api.variablesOf('License')).toEqual([{ key: KEY }]);
    expect(screen.getByRole('heading', { level: 1, name: `License ${KEY}` })).toBeInTheDocument();
    expect(detail('Product')).toHaveTextContent('SmarterMail');
    expect(detail('Edition')).toHaveTextContent('Professional');
    expect(detail('Tier')).toHaveTextContent('1000 mailboxes');
    expect(detail('Add-ons')).toHaveTextContent('None');
    expect(detail('Status')).toHaveTextContent('Unassigned');
    expect(detail('Use')).toHaveTextContent('For resale to a customer');
    expect(detail('Assigned')).toHaveTextContent('Not yet');
    expect(detail('Maintenance & Support until')).toHaveTextContent(/2027.*Expired.*a renewal continues it/);
    expect(detail('Revision')).toHaveTextContent('3');
    expect(screen.getByRole('link', { name: 'ORD-2026-000001' })).toHaveAttribute('href', '/orders/T3JkZXI6MQ%3D%3D');
    expect(screen.getByRole('heading', { level: 2, name: 'Assignment and changes' })).toBeInTheDocument();
    // An unassigned license for resale: the owner may assign it (see reselling's LicenseAssignment tests).
    expect(screen.getByRole('button', { name: 'Assign license' })).toBeInTheDocument();
    expect(screen.queryByText('Reseller', { selector: 'dt' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Copy key' }));

    expect(await navigator.clipboard.readText()).toBe(KEY);
    expect(screen.getByText('Copied.')).toBeInTheDocument();
  });

  it('names the license’s reseller for the vendor, linking to the reseller’s page', () => {
    const api = mockApi({ License: LICENSE });
    renderView(<LicenseView />, {
      client: api.client,
      route: '/licenses/:licenseKey',
      path: `/licenses/${KEY}`,
      viewer: viewerWithRole('VENDOR_ADMIN'),
    });

    const reseller = detail('Reseller');
    expect(reseller).toHaveTextContent('Reseller Example Inc.');
    expect(within(reseller as HTMLElement).getByRole('link')).toHaveAttribute('href', '/resellers/UmVzZWxsZXI6MQ%3D%3D');
  });

  it('offers the license’s changes to those who shop, and lists its installations', () => {
    const api = mockApi({ License: LICENSE, ModificationChoices: { data: { product: PRODUCT } } });
    renderView(<LicenseView />, { client: api.client, route: '/licenses/:licenseKey', path: `/licenses/${KEY}` });

    expect(api.variablesOf('ModificationChoices')).toEqual([{ code: 'smartermail' }]);
    const changes = screen.getByRole('region', { name: 'Assignment and changes' });
    expect(within(changes).getByRole('button', { name: 'Upgrade' })).toBeInTheDocument();
    // M&S ended within the grace period: still a renewal; add-ons wait for it
    expect(within(changes).getByRole('button', { name: 'Renew M&S' })).toBeInTheDocument();
    expect(within(changes).getByRole('button', { name: 'Buy add-ons' })).toHaveAttribute('aria-disabled', 'true');

    const installations = screen.getByRole('region', { name: 'Installations' });
    expect(installations).toHaveTextContent('that server must activate again');
    const table = within(installations).getByRole('table', { name: `Installations of ${KEY}` });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(within(table).getByRole('button', { name: 'Deactivate mail.customer.example' })).toBeInTheDocument();
  });

  it('shows the vendor the installations but no changes to buy', () => {
    const api = mockApi({ License: LICENSE });
    renderView(<LicenseView />, {
      client: api.client,
      route: '/licenses/:licenseKey',
      path: `/licenses/${KEY}`,
      viewer: viewerWithRole('VENDOR_ADMIN'),
    });

    expect(screen.queryByRole('button', { name: 'Upgrade' })).not.toBeInTheDocument();
    expect(api.variablesOf('ModificationChoices')).toEqual([]);
    expect(screen.getByRole('table', { name: `Installations of ${KEY}` })).toBeInTheDocument();
  });

  it('says so when the account has no license with the key', () => {
    const api = mockApi({ License: { data: { license: null } } });
    renderView(<LicenseView />, { client: api.client, route: '/licenses/:licenseKey', path: '/licenses/NOPE' });

    expect(screen.getByRole('heading', { level: 1, name: 'License not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to licenses' })).toHaveAttribute('href', '/licenses');
  });
});
