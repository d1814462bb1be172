import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import ForgotPasswordView from './ForgotPasswordView';

describe('ForgotPasswordView', () => {
  it('asks for a link and gives the same answer whether or not the address has a login', async () => {
    const api = mockApi({ RequestPasswordReset: { data: { requestPasswordReset: { userErrors: [] } } } });
    renderView(<ForgotPasswordView />, { client: api.client, viewer: null, route: '/forgot-password' });

    await userEvent.type(screen.getByLabelText('Email'), 'nobody@example.com');
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(api.variablesOf('RequestPasswordReset')).toEqual([{ input: { email: 'nobody@example.com' } }]);
    expect(screen.getByRole('status')).toHaveTextContent(
      'If nobody@example.com has a login, a link to choose a new password is on its way.',
    );
    expect(screen.getByRole('link', { name: 'Back to sign in' })).toHaveAttribute('href', '/login');
  });

  it('says when there were too many requests', async () => {
    const api = mockApi({
      RequestPasswordReset: {
        data: {
          requestPasswordReset: {
            userErrors: [{ code: 'THROTTLED', message: 'Too many attempts. Try again in 15 minutes.', field: null }],
          },
        },
      },
    });
    renderView(<ForgotPasswordView />, { client: api.client, viewer: null, route: '/forgot-password' });

    await userEvent.type(screen.getByLabelText('Email'), 'owner@reseller.example');
    await userEvent.click(screen.getByRole('button', { name: 'Send the link' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Too many attempts. Try again in 15 minutes.');
    expect(screen.getByLabelText('Email')).toBeInTheDocument();
  });
});
