import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it } from 'vitest';
import { App } from './App';
import { mockClient } from './test/mockClient';

function renderAt(path: string) {
  const { client } = mockClient({ data: { products: [] } });
  return render(
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>
        <App />
      </MemoryRouter>
    </Provider>,
  );
}

describe('App', () => {
  it('shows the product name, the main navigation and the current page', () => {
    renderAt('/licenses');

    expect(screen.getByRole('banner')).toHaveTextContent('Partner Portal');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getAllByRole('link').map((link) => link.textContent)).toEqual([
      'Dashboard',
      'Shop',
      'Cart',
      'Licenses',
      'Customers',
      'Invoices',
      'Account',
    ]);
    expect(within(nav).getByRole('link', { name: 'Licenses' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Dashboard' })).not.toHaveAttribute('aria-current');
    expect(
      within(screen.getByRole('main')).getByRole('heading', { level: 1, name: 'Licenses' }),
    ).toBeInTheDocument();
  });

  it('navigates to the shop and moves focus to the new page', async () => {
    renderAt('/');
    expect(screen.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeInTheDocument();

    await userEvent.click(screen.getByRole('link', { name: 'Shop' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Shop' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Shop' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('main')).toHaveFocus();
  });

  it('shows a not-found page for unknown paths', () => {
    renderAt('/no/such/page');

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the dashboard' })).toHaveAttribute('href', '/');
  });
});
