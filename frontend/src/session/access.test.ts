import { describe, expect, it } from 'vitest';
import type { Role } from '../gql/graphql';
import { viewerWithRole } from '../test/render';
import { accountNavigationFor, canUse, mainNavigationFor } from './access';

function labels(role: Role, navigation: typeof mainNavigationFor) {
  return navigation(viewerWithRole(role)).map((item) => item.label);
}

describe('navigation by role', () => {
  it.each<[Role, string[]]>([
    [
      'RESELLER_OWNER',
      ['Dashboard', 'Shop', 'Cart', 'Licenses', 'Orders', 'Reselling', 'Invoices', 'Payments', 'Account'],
    ],
    ['RESELLER_PURCHASER', ['Dashboard', 'Shop', 'Cart', 'Licenses', 'Orders', 'Reselling', 'Account']],
    ['RESELLER_BILLING', ['Dashboard', 'Shop', 'Licenses', 'Orders', 'Reselling', 'Invoices', 'Payments', 'Account']],
    ['RESELLER_VIEWER', ['Dashboard', 'Shop', 'Licenses', 'Orders', 'Reselling', 'Invoices', 'Payments', 'Account']],
    [
      'VENDOR_ADMIN',
      [
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
      ],
    ],
    ['CUSTOMER', ['My licenses']],
  ])('shows %s the main links %j', (role, expected) => {
    expect(labels(role, mainNavigationFor)).toEqual(expected);
  });

  it.each<[Role, string[]]>([
    ['RESELLER_OWNER', ['Company details', 'People', 'Mailing lists', 'API keys', 'Webhooks', 'Audit log']],
    ['RESELLER_PURCHASER', ['Company details', 'People', 'Mailing lists']],
    ['RESELLER_VIEWER', ['Company details', 'People', 'Mailing lists']],
    ['VENDOR_ADMIN', []],
    ['CUSTOMER', []],
  ])('shows %s the account links %j', (role, expected) => {
    expect(labels(role, accountNavigationFor)).toEqual(expected);
  });

  it('follows the permissions the API grants, not only the role', () => {
    const owner = viewerWithRole('RESELLER_OWNER');
    expect(canUse({ ...owner, permissions: ['ACCOUNT_READ'] }, 'apiKeys')).toBe(false);
    expect(canUse(owner, 'resellers')).toBe(false);
    expect(canUse(viewerWithRole('VENDOR_ADMIN'), 'account')).toBe(false);
    expect(canUse(viewerWithRole('RESELLER_PURCHASER'), 'invoices')).toBe(false);
    expect(canUse({ ...owner, permissions: ['ACCOUNT_READ', 'LICENSES_READ'] }, 'orders')).toBe(false);
    expect(canUse({ ...owner, permissions: ['ACCOUNT_READ'] }, 'reselling')).toBe(false);
    expect(canUse(viewerWithRole('CUSTOMER'), 'licenses')).toBe(false);
    expect(canUse(viewerWithRole('RESELLER_VIEWER'), 'modifyLicense')).toBe(false);
    expect(canUse(viewerWithRole('RESELLER_PURCHASER'), 'payments')).toBe(false);
    expect(canUse(viewerWithRole('RESELLER_OWNER'), 'billing')).toBe(false);
    expect(canUse({ ...viewerWithRole('VENDOR_ADMIN'), permissions: ['INVOICES_READ'] }, 'billing')).toBe(false);
  });
});
