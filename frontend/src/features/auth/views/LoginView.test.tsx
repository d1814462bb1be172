import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../../../test/mockApi';
import { renderView } from '../../../test/render';
import LoginView from './LoginView';

const loginAnswer = (userErrors: { code: string; message: string; field: string[] | null }[]) => ({
  data: { login: { viewer: userErrors.length ? null : { email: 'owner@reseller.example' }, userErrors } },
});

async function signIn(email: string, password: string) {
  await userEvent.type(screen.getByLabelText('Email'), email);
  await userEvent.type(screen.getByLabelText('Password'), password);
  await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('LoginView', () => {
  it('signs in and starts the session over', async () => {
    const api = mockApi({ Login: loginAnswer([]) });
    const { restart } = renderView(<LoginView />, { client: api.client, viewer: null, route: '/login' });

    await signIn(' owner@reseller.example ', 'demo-password');

    expect(api.variablesOf('Login')).toEqual([
      { input: { email: 'owner@reseller.example', password: 'demo-password' } },
    ]);
    expect(restart).toHaveBeenCalledOnce();
  });

  it('says when the email or password is not right, and stays', async () => {
    const api = mockApi({
      Login: loginAnswer([{ code: 'INVALID_CREDENTIALS', message: 'The email or password is not right.', field: null }]),
    });
    const { restart } = renderView(<LoginView />, { client: api.client, viewer: null, route: '/login' });

    await signIn('owner@reseller.example', 'wrong');

    const form = screen.getByRole('form', { name: 'Sign in' });
    expect(within(form).getByRole('alert')).toHaveTextContent('The email or password is not right.');
    expect(restart).not.toHaveBeenCalled();
  });

  it('shows a message about a field next to that field', async () => {
    const api = mockApi({
      Login: loginAnswer([{ code: 'REQUIRED', message: 'Enter your email address.', field: ['input', 'email'] }]),
    });
    renderView(<LoginView />, { client: api.client, viewer: null, route: '/login' });

    await signIn(' ', 'x');

    const email = screen.getByLabelText('Email');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Error: Enter your email address.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers a way to a new password, and says why the page opened', () => {
    renderView(<LoginView />, { client: mockApi({}).client, viewer: null, route: '/login', path: '/login?next=%2Faccount' });

    expect(screen.getByText('Sign in to continue to the page you asked for.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute('href', '/forgot-password');
  });
});
