import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';

// The API calls specs make to set up what they test: as the signed-in user of the page, through
// the same /graphql endpoint and session cookie as the app.

/** Runs a GraphQL operation as the page's signed-in user, expecting an answer without GraphQL errors. */
export async function graphql<Data>(page: Page, query: string, variables: object): Promise<Data> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post('/graphql', { headers: { Origin: origin }, data: { query, variables } });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data?: Data; errors?: unknown };
  expect(body.errors).toBeUndefined();
  if (!body.data) throw new Error('the API answered no data');
  return body.data;
}

/** A line of a purchase: licenses of one product, edition and tier. */
export interface NewLicenses {
  productCode: string;
  editionCode: string;
  tier: string;
  quantity: number;
  /** For the account's own use rather than for resale. */
  personal?: boolean;
}

export interface Purchased {
  order: { id: string; number: string };
  /** Null for roles that may not see invoices. */
  invoice: { number: string; status: string; notes: string } | null;
  licenses: { key: string; status: string; personal: boolean; product: { code: string } }[];
}

const PURCHASE = `
  mutation Purchase($input: PurchaseInput!) {
    purchase(input: $input) {
      order { id number }
      invoice { number status notes }
      licenses { key status personal product { code } }
      userErrors { code message field }
    }
  }
`;

/** Buys licenses through the API as the signed-in user, paid by monthly invoice, expecting no user errors. */
export async function purchase(page: Page, lines: NewLicenses[]): Promise<Purchased> {
  const { purchase: purchased } = await graphql<{ purchase: Purchased & { userErrors: unknown[] } }>(page, PURCHASE, {
    input: { paymentMethod: 'INVOICE', idempotencyKey: randomUUID(), lines },
  });
  expect(purchased.userErrors).toEqual([]);
  return purchased;
}

/** Buys one license (see purchase) and answers its key. */
export async function buyOne(page: Page, line: Omit<NewLicenses, 'quantity'>): Promise<string> {
  const [license] = (await purchase(page, [{ ...line, quantity: 1 }])).licenses;
  if (!license) throw new Error('the purchase issued no license');
  return license.key;
}

const ACTIVATE = `
  mutation Activate($input: ActivateLicenseInput!) {
    activateLicense(input: $input) {
      userErrors { code message }
    }
  }
`;

/** Activates a license on a server of this name, as the product on the server would, expecting no user errors. */
export async function activateLicense(page: Page, licenseKey: string, hostname: string): Promise<void> {
  const { activateLicense: activated } = await graphql<{ activateLicense: { userErrors: unknown[] } }>(page, ACTIVATE, {
    input: { licenseKey, fingerprint: `e2e-${randomUUID()}`, hostname },
  });
  expect(activated.userErrors).toEqual([]);
}
