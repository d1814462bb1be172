import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import SetPasswordView from './SetPasswordView';

const ROUTE = '/set-password';

async function choose(password: string, confirmation: string) {
  await userEvent.type(screen.getByLabelText('New password'), password);
  await userEvent.type(screen.getByLabelText('Confirm new password'), confirmation);
  await userEvent.click(screen.getByRole('button', { name: 'Save password and sign in' }));
}

describe('SetPasswordView', () => {
  it('checks the password is long enough and typed the same twice before sending it', async () => {
    const api = mockApi({});
    renderView(<SetPasswordView />, { client: api.client, viewer: null, route: ROUTE, path: `${ROUTE}?token=abc` });

    await choose('short', 'shorter');

    expect(screen.getByLabelText('New password')).toHaveAccessibleDescription(
      expect.stringContaining('Error: Choose a password of at least 10 characters.'),
    );
    expect(screen.getByLabelText('Confirm new password')).toHaveAccessibleDescription(
      'Error: The two passwords are not the same.',
    );
    expect(api.executeMutation).not.toHaveBeenCalled();
  });

  it('sets the password with the token of the link, signs in and opens the dashboard', async () => {
    const api = mockApi({
      SetPassword: { data: { setPassword: { viewer: { email: 'new@reseller.example' }, userErrors: [] } } },
    });
    const { restart } = renderView(<SetPasswordView />, {
      client: api.client,
      viewer: null,
      route: ROUTE,
      path: `${ROUTE}?token=abc`,
    });

    await choose('correct horse battery', 'correct horse battery');

    expect(api.variablesOf('SetPassword')).toEqual([{ input: { token: 'abc', password: 'correct horse battery' } }]);
    expect(restart).toHaveBeenCalledOnce();
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(/^\/$/);
  });

  it('shows why the server refused the link at the top of the form', async () => {
    const api = mockApi({
      SetPassword: {
        data: {
          setPassword: {
            viewer: null,
            userErrors: [
              { code: 'INVALID', message: 'This link is not valid any more. Ask for a new one.', field: ['input', 'token'] },
            ],
          },
        },
      },
    });
    renderView(<SetPasswordView />, { client: api.client, viewer: null, route: ROUTE, path: `${ROUTE}?token=old` });

    await choose('correct horse battery', 'correct horse battery');

    expect(await screen.findByRole('alert')).toHaveTextContent('This link is not valid any more. Ask for a new one.');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });

  it('says when the link has no token', () => {
    renderView(<SetPasswordView />, { client: mockApi({}).client, viewer: null, route: ROUTE });

    expect(screen.getByRole('alert')).toHaveTextContent('This link is incomplete');
    expect(screen.queryByLabelText('New password')).not.toBeInTheDocument();
  });
});
