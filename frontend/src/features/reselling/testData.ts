import type { AssignLicenseMutation, ResellerCustomersQuery, UnassignedLicensesQuery } from '../../gql/graphql';
import type { CustomerRow, ResaleLicense } from './queries';

/** Fixtures for the tests of the Reselling page and the Assign Product dialog. */

export const MAIL_KEY = '7KQ2MX-R9TP4H-2345AB-CDEFGH-JKMNPQ-RSTWXY';
export const TRACK_KEY = 'ZZ4K9P-R9TP4H-2345AB-CDEFGH-JKMNPQ-RSTWXY';

export const MAIL: ResaleLicense = {
  id: 'TGljZW5zZTox',
  key: MAIL_KEY,
  product: { code: 'smartermail', name: 'SmarterMail' },
  edition: { code: 'professional', name: 'Professional' },
  tier: { code: '250', name: '250 mailboxes' },
  addons: [{ code: 'cyren-antispam', name: 'Cyren Antispam' }],
  maintenanceExpiresAt: '2027-11-27T12:00:00+00:00',
  maintenanceStatus: 'ACTIVE',
  createdAt: '2026-11-27T12:00:00+00:00',
};

export const TRACK: ResaleLicense = {
  ...MAIL,
  id: 'TGljZW5zZToy',
  key: TRACK_KEY,
  product: { code: 'smartertrack', name: 'SmarterTrack' },
  edition: { code: 'enterprise', name: 'Enterprise' },
  tier: { code: '5', name: '5 agents' },
  addons: [],
};

export const CASEY: CustomerRow = {
  id: 'Q3VzdG9tZXI6Nw==',
  email: 'customer@example.com',
  name: 'Casey Customer',
  licenseCount: 2,
  products: [
    { code: 'smartermail', name: 'SmarterMail' },
    { code: 'smarterstats', name: 'SmarterStats' },
  ],
  firstAssignedAt: '2026-03-02T09:00:00+00:00',
  lastAssignedAt: '2026-10-15T09:00:00+00:00',
};

export const NAMELESS: CustomerRow = {
  ...CASEY,
  id: 'Q3VzdG9tZXI6OA==',
  email: 'it@shop.example',
  name: '',
  licenseCount: 1,
  products: [{ code: 'smartertrack', name: 'SmarterTrack' }],
};

export function unassignedPage(nodes: ResaleLicense[], hasNextPage = false): { data: UnassignedLicensesQuery } {
  return {
    data: {
      licenses: {
        edges: nodes.map((node) => ({ node })),
        pageInfo: { hasNextPage, endCursor: hasNextPage ? 'l1' : null },
      },
    },
  };
}

export function customersPage(nodes: CustomerRow[], hasNextPage = false): { data: ResellerCustomersQuery } {
  return {
    data: {
      customers: {
        edges: nodes.map((node) => ({ node })),
        pageInfo: {
          hasNextPage,
          hasPreviousPage: false,
          startCursor: nodes.length ? 'start' : null,
          endCursor: nodes.length ? 'end' : null,
        },
      },
    },
  };
}

/** The answer of `assignLicense` that assigned `license` to the customer. */
export function assigned(
  license: ResaleLicense,
  customer: { email: string; name: string },
  customerCreated: boolean,
): { data: AssignLicenseMutation } {
  return {
    data: {
      assignLicense: {
        license: {
          ...license,
          status: 'ASSIGNED',
          personal: false,
          assignedAt: '2026-11-28T10:00:00+00:00',
          customer: { id: 'Q3VzdG9tZXI6OQ==', ...customer },
        },
        customer: {
          ...CASEY,
          id: 'Q3VzdG9tZXI6OQ==',
          ...customer,
          licenseCount: 1,
          products: [license.product],
        },
        customerCreated,
        userErrors: [],
      },
    },
  };
}

/** The answer of `assignLicense` that refused with these user errors. */
export function refused(
  userErrors: AssignLicenseMutation['assignLicense']['userErrors'],
): { data: AssignLicenseMutation } {
  return { data: { assignLicense: { license: null, customer: null, customerCreated: false, userErrors } } };
}
