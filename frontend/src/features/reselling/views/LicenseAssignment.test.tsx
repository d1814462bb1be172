import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Role } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import { assigned, MAIL, MAIL_KEY, TRACK, unassignedPage } from '../testData';
import { LicenseAssignment } from './LicenseAssignment';

type Props = Parameters<typeof LicenseAssignment>[0]['license'];

const UNASSIGNED: Props = { ...MAIL, status: 'UNASSIGNED', personal: false, customer: null };

function render(license: Props, role: Role = 'RESELLER_OWNER') {
  const api = mockApi({
    UnassignedLicenses: unassignedPage([TRACK]),
    AssignLicense: assigned(MAIL, { email: 'nina@new.example', name: '' }, true),
  });
  renderView(<LicenseAssignment license={license} />, { client: api.client, viewer: viewerWithRole(role) });
  return api;
}

describe('LicenseAssignment', () => {
  it('offers to assign an unassigned license for resale, with the license chosen in the dialog', async () => {
    const api = render(UNASSIGNED);
    expect(screen.getByText(/This license is for resale and not assigned to a customer yet/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Assign license' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign license' });
    // This license first, then the others waiting for a customer.
    const license = within(dialog).getByLabelText('License');
    expect(license).toHaveValue(MAIL_KEY);
    expect(within(license).getAllByRole('option')).toHaveLength(3);

    await userEvent.type(within(dialog).getByLabelText('Customer email'), 'nina@new.example');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Continue' }));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Yes, assign license' }));

    expect(api.variablesOf('AssignLicense')).toEqual([
      { input: { licenseKey: MAIL_KEY, email: 'nina@new.example', name: '' } },
    ]);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByText(/^License assigned\./).closest('p')).toHaveTextContent(
      `is now assigned to nina@new.example. A customer account was created`,
    );
  });

  it('names the customer of an assigned license, and offers nothing to do', () => {
    render({
      ...UNASSIGNED,
      status: 'ASSIGNED',
      customer: { id: 'Q3VzdG9tZXI6Nw==', email: 'customer@example.com', name: 'Casey Customer' },
    });
    expect(screen.getByText('Casey Customer (customer@example.com)')).toBeInTheDocument();
    expect(screen.getByText(/An assigned license can never be re-assigned/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Assign license' })).not.toBeInTheDocument();
  });

  it('says a personal license is not for customers', () => {
    render({ ...UNASSIGNED, personal: true });
    expect(screen.getByText(/This is a personal license, for your account’s own use/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Assign license' })).not.toBeInTheDocument();
  });

  it('offers no Assign button to a role that may not assign', () => {
    render(UNASSIGNED, 'RESELLER_BILLING');
    expect(screen.getByText(/not assigned to a customer yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Assign license' })).not.toBeInTheDocument();
  });
});
