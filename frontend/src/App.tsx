import { lazy, Suspense, type ReactElement, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { ErrorAlert } from './components/ErrorAlert';
import { ErrorBoundary } from './components/ErrorBoundary';
import { GlobalSearch } from './components/GlobalSearch';
import { Layout } from './components/Layout';
import { LoadingStatus } from './components/LoadingStatus';
import { NotFoundPage } from './components/NotFoundPage';
import { QueryContent } from './components/QueryContent';
import { ROLE_LABELS } from './lib/labels';
import { useRetryableQuery } from './lib/useRetryableQuery';
import { canUse, mainNavigationFor, type Area } from './session/access';
import { RequireAccess, RequireNoViewer, RequireViewer } from './session/guards';
import { viewerQuery, type SessionViewer } from './session/queries';
import { useSignOut } from './session/useSignOut';
import { ViewerContext } from './session/ViewerContext';

// Each feature's views load on first visit, keeping the initial bundle small.
const LoginView = lazy(() => import('./features/auth/views/LoginView'));
const ForgotPasswordView = lazy(() => import('./features/auth/views/ForgotPasswordView'));
const SetPasswordView = lazy(() => import('./features/auth/views/SetPasswordView'));
const ShopView = lazy(() => import('./features/catalog/views/ShopView'));
const ProductView = lazy(() => import('./features/shop/views/ProductView'));
const CartView = lazy(() => import('./features/cart/views/CartView'));
const CheckoutView = lazy(() => import('./features/checkout/views/CheckoutView'));
const OrderConfirmationView = lazy(() => import('./features/checkout/views/OrderConfirmationView'));
const AccountSection = lazy(() => import('./features/account/views/AccountSection'));
const CompanyDetailsView = lazy(() => import('./features/account/views/CompanyDetailsView'));
const PeopleView = lazy(() => import('./features/people/views/PeopleView'));
const EditPersonView = lazy(() => import('./features/people/views/EditPersonView'));
const MailingListsView = lazy(() => import('./features/mailingLists/views/MailingListsView'));
const ApiKeysView = lazy(() => import('./features/apiKeys/views/ApiKeysView'));
const WebhooksView = lazy(() => import('./features/webhooks/views/WebhooksView'));
const WebhookEndpointView = lazy(() => import('./features/webhooks/views/WebhookEndpointView'));
const AuditLogView = lazy(() => import('./features/audit/views/AuditLogView'));
const ResellersView = lazy(() => import('./features/resellers/views/ResellersView'));
const ResellerView = lazy(() => import('./features/resellers/views/ResellerView'));
const CatalogAdminView = lazy(() => import('./features/catalogAdmin/views/CatalogAdminView'));
const EmailsView = lazy(() => import('./features/emails/views/EmailsView'));
const EmailView = lazy(() => import('./features/emails/views/EmailView'));
const ProfileView = lazy(() => import('./features/profile/views/ProfileView'));
const LicensesView = lazy(() => import('./features/licenses/views/LicensesView'));
const LicenseView = lazy(() => import('./features/licenses/views/LicenseView'));
const OrdersView = lazy(() => import('./features/orders/views/OrdersView'));
const OrderView = lazy(() => import('./features/orders/views/OrderView'));
const InvoicesView = lazy(() => import('./features/invoices/views/InvoicesView'));
const InvoiceView = lazy(() => import('./features/invoices/views/InvoiceView'));
const PaymentsView = lazy(() => import('./features/payments/views/PaymentsView'));
const BillingView = lazy(() => import('./features/billingAdmin/views/BillingView'));
const ResellingView = lazy(() => import('./features/reselling/views/ResellingView'));
const ModifyLicenseView = lazy(() => import('./features/licenses/views/ModifyLicenseView'));
const MyLicensesView = lazy(() => import('./features/myLicenses/views/MyLicensesView'));
const DashboardView = lazy(() => import('./features/dashboard/views/DashboardView'));

/** The app: who is signed in decides the navigation and the pages. */
export function App() {
  const session = useRetryableQuery({ query: viewerQuery });
  if (!session.data) {
    return (
      <Layout>
        <QueryContent query={session} what="your session">
          {() => null}
        </QueryContent>
      </Layout>
    );
  }
  const viewer = session.data.viewer ?? null;
  return (
    <ViewerContext value={viewer}>
      <Shell viewer={viewer}>
        <Suspense fallback={<LoadingStatus label="Loading page…" />}>
          <AppRoutes viewer={viewer} />
        </Suspense>
      </Shell>
    </ViewerContext>
  );
}

interface ViewerProps {
  viewer: SessionViewer | null;
}

function Shell({ viewer, children: page }: ViewerProps & { children: ReactNode }) {
  const { signOut, signingOut, error } = useSignOut();
  const { pathname } = useLocation();
  const children = <ErrorBoundary key={pathname}>{page}</ErrorBoundary>;
  if (viewer === null) {
    return <Layout>{children}</Layout>;
  }
  return (
    <Layout
      navigation={mainNavigationFor(viewer)}
      user={{
        name: viewer.name,
        email: viewer.email ?? null,
        roleLabel: ROLE_LABELS[viewer.role],
        company: viewer.reseller?.name ?? null,
      }}
      onSignOut={signOut}
      signingOut={signingOut}
      search={canUse(viewer, 'dashboard') ? <GlobalSearch /> : null}
    >
      {error && <ErrorAlert message={error} />}
      {children}
    </Layout>
  );
}

function AppRoutes({ viewer }: ViewerProps) {
  return (
    <Routes>
      <Route element={<RequireNoViewer viewer={viewer} />}>
        <Route path="/login" element={<LoginView />} />
        <Route path="/forgot-password" element={<ForgotPasswordView />} />
      </Route>
      <Route path="/set-password" element={<SetPasswordView />} />
      <Route element={<RequireViewer viewer={viewer} />}>
        <Route
          path="/"
          element={
            // a customer's home is its own licenses
            viewer?.role === 'CUSTOMER' ? <MyLicensesView /> : restricted('dashboard', <DashboardView />)
          }
        />
        <Route path="/profile" element={<ProfileView />} />
        <Route path="/shop" element={restricted('shop', <ShopView />)} />
        <Route path="/shop/:productCode" element={restricted('cart', <ProductView />)} />
        <Route path="/cart" element={restricted('cart', <CartView />)} />
        <Route path="/checkout" element={restricted('cart', <CheckoutView />)} />
        <Route path="/orders/confirmation/:orderId" element={restricted('cart', <OrderConfirmationView />)} />
        <Route path="/account" element={restricted('account', <AccountSection />)}>
          <Route index element={<CompanyDetailsView />} />
          <Route path="people" element={<PeopleView />} />
          <Route path="people/:employeeId" element={<EditPersonView />} />
          <Route path="mailing-lists" element={<MailingListsView />} />
          <Route path="api-keys" element={restricted('apiKeys', <ApiKeysView />)} />
          <Route path="webhooks" element={restricted('webhooks', <WebhooksView />)} />
          <Route path="webhooks/:endpointId" element={restricted('webhooks', <WebhookEndpointView />)} />
          <Route path="audit-log" element={restricted('accountAuditLog', <AuditLogView />)} />
        </Route>
        <Route path="/audit-log" element={restricted('vendorAuditLog', <AuditLogView />)} />
        <Route path="/resellers" element={restricted('resellers', <ResellersView />)} />
        <Route path="/resellers/:resellerId" element={restricted('resellers', <ResellerView />)} />
        <Route path="/catalog" element={restricted('catalog', <CatalogAdminView />)} />
        <Route path="/licenses" element={restricted('licenses', <LicensesView />)} />
        <Route path="/licenses/modify" element={restricted('modifyLicense', <ModifyLicenseView />)} />
        <Route path="/licenses/:licenseKey" element={restricted('licenses', <LicenseView />)} />
        <Route path="/reselling" element={restricted('reselling', <ResellingView />)} />
        <Route path="/customers" element={<Navigate to="/reselling" replace />} />
        <Route path="/orders" element={restricted('orders', <OrdersView />)} />
        <Route path="/orders/:orderId" element={restricted('orders', <OrderView />)} />
        <Route path="/invoices" element={restricted('invoices', <InvoicesView />)} />
        <Route path="/invoices/:invoiceId" element={restricted('invoices', <InvoiceView />)} />
        <Route path="/payments" element={restricted('payments', <PaymentsView />)} />
        <Route path="/billing" element={restricted('billing', <BillingView />)} />
        <Route path="/emails" element={restricted('emails', <EmailsView />)} />
        <Route path="/emails/:emailId" element={restricted('emails', <EmailView />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

function restricted(area: Area, page: ReactElement) {
  return <RequireAccess area={area}>{page}</RequireAccess>;
}
