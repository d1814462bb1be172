import type { NavItem } from '../components/SectionNav';
import type { Permission, Role } from '../gql/graphql';
import type { SessionViewer } from './queries';

/** The parts of the app a role may or may not use. */
export type Area =
  | 'dashboard'
  | 'shop'
  | 'cart'
  | 'licenses'
  | 'orders'
  | 'reselling'
  | 'modifyLicense'
  | 'myLicenses'
  | 'invoices'
  | 'payments'
  | 'billing'
  | 'account'
  | 'apiKeys'
  | 'webhooks'
  | 'accountAuditLog'
  | 'vendorAuditLog'
  | 'resellers'
  | 'catalog'
  | 'emails';

type AccessViewer = Pick<SessionViewer, 'role' | 'permissions'>;

const RESELLER_ROLES: readonly Role[] = [
  'RESELLER_OWNER',
  'RESELLER_PURCHASER',
  'RESELLER_BILLING',
  'RESELLER_VIEWER',
];

function isReseller(viewer: AccessViewer): boolean {
  return RESELLER_ROLES.includes(viewer.role);
}

export function hasPermission(viewer: AccessViewer, permission: Permission): boolean {
  return viewer.permissions.includes(permission);
}

function isCustomer(viewer: AccessViewer): boolean {
  return viewer.role === 'CUSTOMER';
}

const RULES: Record<Area, (viewer: AccessViewer) => boolean> = {
  dashboard: (viewer) => !isCustomer(viewer),
  shop: (viewer) => isReseller(viewer) || viewer.role === 'VENDOR_ADMIN',
  cart: (viewer) => hasPermission(viewer, 'SHOP'),
  // a customer's LICENSES_READ reaches only its own licenses, on its own page
  licenses: (viewer) => !isCustomer(viewer) && hasPermission(viewer, 'LICENSES_READ'),
  orders: (viewer) => hasPermission(viewer, 'ORDERS_READ'),
  reselling: (viewer) => isReseller(viewer) && hasPermission(viewer, 'CUSTOMERS_READ'),
  modifyLicense: (viewer) => hasPermission(viewer, 'SHOP'),
  myLicenses: isCustomer,
  invoices: (viewer) => hasPermission(viewer, 'INVOICES_READ'),
  payments: (viewer) => hasPermission(viewer, 'INVOICES_READ'),
  billing: (viewer) => hasPermission(viewer, 'BILLING_MANAGE'),
  account: (viewer) => isReseller(viewer) && hasPermission(viewer, 'ACCOUNT_READ'),
  apiKeys: (viewer) => isReseller(viewer) && hasPermission(viewer, 'API_KEYS_MANAGE'),
  // endpoints are credentials of the account too: the permission that manages API keys
  webhooks: (viewer) => isReseller(viewer) && hasPermission(viewer, 'API_KEYS_MANAGE'),
  accountAuditLog: (viewer) => isReseller(viewer) && hasPermission(viewer, 'AUDIT_READ'),
  vendorAuditLog: (viewer) => !isReseller(viewer) && hasPermission(viewer, 'AUDIT_READ'),
  resellers: (viewer) => hasPermission(viewer, 'RESELLERS_MANAGE'),
  catalog: (viewer) => hasPermission(viewer, 'CATALOG_MANAGE'),
  emails: (viewer) => hasPermission(viewer, 'EMAIL_READ'),
};

/** Whether the viewer's role may use an area of the app. */
export function canUse(viewer: AccessViewer, area: Area): boolean {
  return RULES[area](viewer);
}

interface AreaLink extends NavItem {
  area: Area;
}

const MAIN_NAVIGATION: readonly AreaLink[] = [
  { to: '/', label: 'Dashboard', area: 'dashboard', end: true },
  { to: '/', label: 'My licenses', area: 'myLicenses', end: true },
  { to: '/shop', label: 'Shop', area: 'shop' },
  { to: '/cart', label: 'Cart', area: 'cart' },
  { to: '/licenses', label: 'Licenses', area: 'licenses' },
  { to: '/orders', label: 'Orders', area: 'orders' },
  { to: '/reselling', label: 'Reselling', area: 'reselling' },
  { to: '/invoices', label: 'Invoices', area: 'invoices' },
  { to: '/payments', label: 'Payments', area: 'payments' },
  { to: '/billing', label: 'Billing', area: 'billing' },
  { to: '/resellers', label: 'Resellers', area: 'resellers' },
  { to: '/catalog', label: 'Catalog', area: 'catalog' },
  { to: '/emails', label: 'Email', area: 'emails' },
  { to: '/audit-log', label: 'Audit log', area: 'vendorAuditLog' },
  { to: '/account', label: 'Account', area: 'account' },
];

const ACCOUNT_NAVIGATION: readonly AreaLink[] = [
  { to: '/account', label: 'Company details', area: 'account', end: true },
  { to: '/account/people', label: 'People', area: 'account' },
  { to: '/account/mailing-lists', label: 'Mailing lists', area: 'account' },
  { to: '/account/api-keys', label: 'API keys', area: 'apiKeys' },
  { to: '/account/webhooks', label: 'Webhooks', area: 'webhooks' },
  { to: '/account/audit-log', label: 'Audit log', area: 'accountAuditLog' },
];

function linksFor(links: readonly AreaLink[], viewer: AccessViewer): NavItem[] {
  return links.filter(({ area }) => canUse(viewer, area)).map(({ to, label, end }) => ({ to, label, end }));
}

/** The main navigation's links the viewer's role may use. */
export function mainNavigationFor(viewer: AccessViewer): NavItem[] {
  return linksFor(MAIN_NAVIGATION, viewer);
}

/** The account section's links the viewer's role may use. */
export function accountNavigationFor(viewer: AccessViewer): NavItem[] {
  return linksFor(ACCOUNT_NAVIGATION, viewer);
}
