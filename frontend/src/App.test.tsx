import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, useLocation } from 'react-router';
import { CombinedError, Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { App } from './App';
import type { Role } from './gql/graphql';
import type { SessionViewer } from './session/queries';
import { SessionControlContext } from './session/ViewerContext';
import { mockApi, type Answer } from './test/mockApi';
import { viewerWithRole } from './test/render';

function Location() {
  const { pathname, search } = useLocation();
  return (
    <p role="note" aria-label="Current location">
      {`${pathname}${search}`}
    </p>
  );
}

function renderApp(path: string, viewer: SessionViewer | null, answers: Record<string, Answer | Answer[]> = {}) {
  const api = mockApi({ Viewer: { data: { viewer } }, ShopCatalog: { data: { products: [] } }, ...answers });
  const restart = vi.fn();
  render(
    <Provider value={api.client}>
      <SessionControlContext value={{ restart }}>
        <MemoryRouter initialEntries={[path]}>
          <App />
          <Location />
        </MemoryRouter>
      </SessionControlContext>
    </Provider>,
  );
  return { ...api, restart };
}

const signedInAs = (role: Role) => viewerWithRole(role);

describe('App', () => {
  it('sends a signed-out visitor to the login page, remembering where they were going', async () => {
    renderApp('/account/people?search=bianca', null);

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(
      '/login?next=%2Faccount%2Fpeople%3Fsearch%3Dbianca',
    );
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('takes a signed-in user from the login page on to where they were going', async () => {
    renderApp('/login?next=%2Fshop', signedInAs('RESELLER_OWNER'));

    expect(await screen.findByRole('heading', { level: 1, name: 'Shop' })).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent('/shop');
  });

  it('shows the user, the role and the links of the role, with the current page marked', async () => {
    renderApp('/licenses', signedInAs('RESELLER_OWNER'));

    const banner = screen.getByRole('banner');
    expect(banner).toHaveTextContent('Olivia Owner');
    expect(banner).toHaveTextContent('reseller_owner@example.com');
    expect(banner).toHaveTextContent('Owner · Reseller Example Inc.');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Dashboard',
      'Shop',
      'Cart',
      'Licenses',
      'Orders',
      'Reselling',
      'Invoices',
      'Payments',
      'Account',
    ]);
    expect(within(nav).getByRole('link', { name: 'Licenses' })).toHaveAttribute('aria-current', 'page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Licenses' })).toBeInTheDocument();
  });

  it('gives a vendor administrator the vendor pages', () => {
    renderApp('/', signedInAs('VENDOR_ADMIN'));

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Dashboard',
      'Shop',
      'Licenses',
      'Orders',
      'Invoices',
      'Payments',
      'Billing',
      'Resellers',
      'Catalog',
      'Email',
      'Audit log',
    ]);
    expect(screen.getByRole('banner')).toHaveTextContent('Vendor administrator');
  });

  it('tells a role that may not use a page so, instead of showing it', () => {
    renderApp('/cart', signedInAs('RESELLER_BILLING'));

    expect(screen.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveTextContent('Your role, Billing, does not give access to this page.');
    expect(screen.queryByRole('link', { name: 'Cart' })).not.toBeInTheDocument();
  });

  it('navigates and moves focus to the new page', async () => {
    renderApp('/', signedInAs('RESELLER_PURCHASER'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'Shop' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Shop' })).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it.each<Role>([
    'VENDOR_ADMIN',
    'RESELLER_OWNER',
    'RESELLER_PURCHASER',
    'RESELLER_BILLING',
    'RESELLER_VIEWER',
    'CUSTOMER',
  ])('takes a %s from their name in the header to their profile', async (role) => {
    const viewer = signedInAs(role);
    renderApp('/', viewer);
    const profileLink = () =>
      within(screen.getByRole('banner')).getByRole('link', { name: `${viewer.name} (your profile)` });

    await userEvent.click(profileLink());

    expect(await screen.findByRole('heading', { level: 1, name: 'Your profile' })).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'Current location' })).toHaveTextContent(/^\/profile$/);
    expect(profileLink()).toHaveAttribute('aria-current', 'page');
  });

  it('signs out, then starts a new session with an empty cache', async () => {
    const api = renderApp('/account', signedInAs('RESELLER_OWNER'), {
      Logout: { data: { logout: { userErrors: [] } } },
    });

    await userEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    expect(api.variablesOf('Logout')).toHaveLength(1);
    expect(api.restart).toHaveBeenCalledOnce();
  });

  it('puts the search in the header for partners and the vendor, not for customers', () => {
    renderApp('/profile', signedInAs('RESELLER_VIEWER'));
    expect(
      within(screen.getByRole('banner')).getByRole('combobox', { name: /^Search by license key, customer email/ }),
    ).toBeInTheDocument();
  });

  it('gives customers no search', () => {
    renderApp('/profile', signedInAs('CUSTOMER'));
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('shows a not-found page for unknown paths', () => {
    renderApp('/no/such/page', signedInAs('RESELLER_OWNER'));

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the dashboard' })).toHaveAttribute('href', '/');
  });

  it('explains when the session cannot be checked, and retries', async () => {
    const api = renderApp('/', null, {
      Viewer: [
        { error: new CombinedError({ networkError: new Error('Failed to fetch') }) },
        { data: { viewer: signedInAs('RESELLER_OWNER') } },
      ],
    });

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Your session could not be loaded. The server could not be reached.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();
    expect(api.variablesOf('Viewer')).toHaveLength(2);
  });
});
