import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Provider, type Client } from 'urql';
import { vi } from 'vitest';
import type { Permission, Role } from '../gql/graphql';
import type { SessionViewer } from '../session/queries';
import { SessionControlContext, ViewerContext } from '../session/ViewerContext';

const PERMISSIONS: Record<Role, Permission[]> = {
  VENDOR_ADMIN: [
    'ACCOUNT_MANAGE',
    'ACCOUNT_READ',
    'API_KEYS_MANAGE',
    'AUDIT_READ',
    'EMAIL_READ',
    'RESELLERS_MANAGE',
    'CATALOG_MANAGE',
    'LICENSES_READ',
    'ORDERS_READ',
    'INVOICES_READ',
    'CUSTOMERS_READ',
    'CATALOG_READ',
    'INSTALLATIONS_MANAGE',
    'BILLING_MANAGE',
  ],
  RESELLER_OWNER: [
    'ACCOUNT_MANAGE',
    'ACCOUNT_READ',
    'API_KEYS_MANAGE',
    'AUDIT_READ',
    'SHOP',
    'LICENSES_READ',
    'ORDERS_READ',
    'INVOICES_READ',
    'CUSTOMERS_READ',
    'CATALOG_READ',
    'LICENSES_ASSIGN',
    'INSTALLATIONS_MANAGE',
    'INVOICES_PAY',
  ],
  RESELLER_PURCHASER: [
    'ACCOUNT_READ',
    'SHOP',
    'LICENSES_READ',
    'ORDERS_READ',
    'CUSTOMERS_READ',
    'CATALOG_READ',
    'LICENSES_ASSIGN',
    'INSTALLATIONS_MANAGE',
  ],
  RESELLER_BILLING: [
    'ACCOUNT_READ',
    'LICENSES_READ',
    'ORDERS_READ',
    'INVOICES_READ',
    'CUSTOMERS_READ',
    'CATALOG_READ',
    'INVOICES_PAY',
  ],
  RESELLER_VIEWER: [
    'ACCOUNT_READ',
    'LICENSES_READ',
    'ORDERS_READ',
    'INVOICES_READ',
    'CUSTOMERS_READ',
    'CATALOG_READ',
  ],
  CUSTOMER: ['LICENSES_READ', 'INSTALLATIONS_MANAGE'],
};

/** A signed-in viewer of the role, with that role's permissions as the API gives them. */
export function viewerWithRole(role: Role): SessionViewer {
  const isReseller = role.startsWith('RESELLER_');
  return {
    email: `${role.toLowerCase()}@example.com`,
    name: isReseller ? 'Olivia Owner' : role === 'VENDOR_ADMIN' ? 'Vera Vendor' : 'Casey Customer',
    role,
    permissions: PERMISSIONS[role],
    reseller: isReseller ? { id: 'UmVzZWxsZXI6MQ==', name: 'Reseller Example Inc.' } : null,
    employee: isReseller ? { id: 'RW1wbG95ZWU6MQ==' } : null,
  };
}

/** Shows where the app went, for tests of navigation. */
function CurrentLocation() {
  const { pathname, search } = useLocation();
  return (
    <p role="note" aria-label="Current location">
      {`${pathname}${search}`}
    </p>
  );
}

interface RenderOptions {
  client: Client;
  viewer?: SessionViewer | null;
  /** The route the view is mounted at, e.g. "/account/people/:employeeId". */
  route?: string;
  /** The address to start at; the route itself by default. */
  path?: string;
}

/** Renders a view as the app does: API client, signed-in viewer, router and session control. */
export function renderView(
  view: ReactElement,
  { client, viewer = viewerWithRole('RESELLER_OWNER'), route = '/', path }: RenderOptions,
) {
  const restart = vi.fn();
  const utils = render(
    <Provider value={client}>
      <SessionControlContext value={{ restart }}>
        <ViewerContext value={viewer}>
          <MemoryRouter initialEntries={[path ?? route]}>
            <Routes>
              <Route path={route} element={view} />
              <Route path="*" element={null} />
            </Routes>
            <CurrentLocation />
          </MemoryRouter>
        </ViewerContext>
      </SessionControlContext>
    </Provider>,
  );
  return { ...utils, restart };
}
