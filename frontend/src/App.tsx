import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { LoadingStatus } from './components/LoadingStatus';
import { NotFoundPage } from './components/NotFoundPage';
import { PlaceholderPage } from './components/PlaceholderPage';

// Each feature's views load on first visit, keeping the initial bundle small.
const ShopView = lazy(() => import('./features/catalog/views/ShopView'));

/** Pages whose features are still to come. */
const PLACEHOLDER_PAGES = [
  {
    path: '/',
    title: 'Dashboard',
    description: 'An overview of your licenses, open invoices and recent orders will appear here.',
  },
  {
    path: '/cart',
    title: 'Cart',
    description: 'New licenses, upgrades and renewals you add will appear here, ready for checkout.',
  },
  {
    path: '/licenses',
    title: 'Licenses',
    description:
      'Your licenses, the customers they are assigned to and their maintenance status will appear here.',
  },
  {
    path: '/customers',
    title: 'Customers',
    description: 'The customers you have resold licenses to will appear here.',
  },
  {
    path: '/invoices',
    title: 'Invoices',
    description: 'Your order invoices and monthly summary invoices will appear here.',
  },
  {
    path: '/account',
    title: 'Account',
    description: 'Your contact information, employees, notifications and API keys will appear here.',
  },
] as const;

export function App() {
  return (
    <Layout>
      <Suspense fallback={<LoadingStatus label="Loading page…" />}>
        <Routes>
          <Route path="/shop" element={<ShopView />} />
          {PLACEHOLDER_PAGES.map(({ path, title, description }) => (
            <Route
              key={path}
              path={path}
              element={<PlaceholderPage title={title} description={description} />}
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Layout>
  );
}
