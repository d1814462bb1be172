import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { ChangePasswordMutation } from '../../../gql/graphql';
import { mockApi } from '../../../test/mockApi';
import { renderView, viewerWithRole } from '../../../test/render';
import ProfileView from './ProfileView';

const ROUTE = '/profile';
const CHANGED = { data: { changePassword: { userErrors: [] } } };

function refused(...userErrors: ChangePasswordMutation['changePassword']['userErrors']) {
  return { data: { changePassword: { userErrors } } };
}

/** The profile's facts, each as "Term: definition". */
function details() {
  return screen
    .getAllByRole('term')
    .map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent ?? ''}`);
}

async function changePassword(current: string, password: string, confirmation = password) {
  if (current) await userEvent.type(screen.getByLabelText('Current password'), current);
  if (password) await userEvent.type(screen.getByLabelText('New password'), password);
  if (confirmation) await userEvent.type(screen.getByLabelText('Confirm new password'), confirmation);
  await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('ProfileView', () => {
  it('shows who is signed in: name, email, role and company', () => {
    renderView(<ProfileView />, {
      client: mockApi({}).client,
      route: ROUTE,
      viewer: viewerWithRole('RESELLER_PURCHASER'),
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Your profile' })).toBeInTheDocument();
    expect(details()).toEqual([
      'Name: Olivia Owner',
      'Email: reseller_purchaser@example.com',
      'Role: Purchaser',
      'Company: Reseller Example Inc.',
    ]);
  });

  it('names the vendor as the company of a vendor administrator, and none for a customer', () => {
    const { unmount } = renderView(<ProfileView />, {
      client: mockApi({}).client,
      route: ROUTE,
      viewer: viewerWithRole('VENDOR_ADMIN'),
    });
    expect(details()).toContain('Company: The vendor');
    unmount();

    renderView(<ProfileView />, { client: mockApi({}).client, route: ROUTE, viewer: viewerWithRole('CUSTOMER') });
    expect(details()).toEqual(['Name: Casey Customer', 'Email: customer@example.com', 'Role: Customer']);
  });

  it('checks the passwords before sending them', async () => {
    const api = mockApi({});
    renderView(<ProfileView />, { client: api.client, route: ROUTE });

    await changePassword('', 'too-short', 'different');

    expect(screen.getByLabelText('Current password')).toHaveAccessibleDescription(
      'Error: Enter the password you use today.',
    );
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Error: Choose a password of at least 10 characters.'),
    );
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription(
      'Error: The two passwords are not the same.',
    );
    expect(api.executeMutation).not.toHaveBeenCalled();
  });

  it('changes the password, says the other sessions were signed out, and empties the form', async () => {
    const api = mockApi({ ChangePassword: CHANGED });
    renderView(<ProfileView />, { client: api.client, route: ROUTE });

    await changePassword('demo-password', 'a much longer password');

    expect(api.variablesOf('ChangePassword')).toEqual([
      { input: { currentPassword: 'demo-password', newPassword: 'a much longer password' } },
    ]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your password was changed. Your other sessions were signed out; you stay signed in here.',
    );
    expect(screen.getByLabelText('Current password')).toHaveValue('');
    expect(screen.getByLabelText('New password')).toHaveValue('');
    expect(screen.getByLabelText('Confirm new password')).toHaveValue('');
  });

  it('shows the server’s reasons next to the fields they name', async () => {
    const api = mockApi({
      ChangePassword: [
        refused({
          code: 'INVALID_CREDENTIALS',
          message: 'The current password is not right.',
          field: ['input', 'currentPassword'],
        }),
        refused({
          code: 'INVALID',
          message: 'The password must not be your email address.',
          field: ['input', 'newPassword'],
        }),
      ],
    });
    renderView(<ProfileView />, { client: api.client, route: ROUTE });

    await changePassword('wrong-password', 'a much longer password');
    const current = screen.getByLabelText('Current password');
    expect(current).toHaveAttribute('aria-invalid', 'true');
    expect(current).toHaveAccessibleDescription('Error: The current password is not right.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Error: The password must not be your email address.'),
    );
    expect(current).not.toHaveAttribute('aria-invalid');
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });

  it('says at the top of the form when there were too many attempts', async () => {
    const api = mockApi({
      ChangePassword: refused({
        code: 'THROTTLED',
        message: 'Too many attempts. Try again in 15 minutes.',
        field: null,
      }),
    });
    renderView(<ProfileView />, { client: api.client, route: ROUTE });

    await changePassword('wrong-again', 'a much longer password');

    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Try again in 15 minutes.');
  });
});
