import { expect, test, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './session';

// GraphiQL at /graphql (issue 10): a signed-in partner gets it with the example operations as
// tabs; an anonymous visitor signs in first and comes back. It is a page of the portal's own
// build, so it runs under the Content-Security-Policy (editor workers included) with no
// violation and no console error.

const RESELLER = 'purchaser@reseller.example';
const TABS = ['Viewer', 'Catalog', 'Licenses', 'Purchase', 'AssignLicense', 'Invoices'];

function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || /content security policy/i.test(message.text())) {
      problems.push(`${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

test('a signed-in reseller runs the preloaded Viewer query in GraphiQL under the policy', async ({ page }) => {
  const problems = watchConsole(page);

  await page.goto('/graphql');
  await expect(page).toHaveURL(/\/login\?next=%2Fgraphql$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(RESELLER);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/graphql$/);

  const tabs = page.getByRole('tablist', { name: 'Select active operation' }).getByRole('tab');
  await expect(tabs).toHaveCount(TABS.length);
  for (const [index, name] of TABS.entries()) {
    await expect(tabs.nth(index).getByRole('button', { name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Operation Editor' })).toContainText('query Viewer');

  await page.getByRole('button', { name: /Execute query/ }).click();
  const response = page.locator('.result-window');
  await expect(response).toContainText('"email": "purchaser@reseller.example"');
  await expect(response).toContainText('"role": "RESELLER_PURCHASER"');

  // The schema came in too (introspection, for the documentation explorer and completion).
  await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
  await expect(page.getByText('A GraphQL schema provides a root type for each kind of operation.')).toBeVisible();

  const answer = await page.request.get('/graphql', { headers: { Accept: 'text/html' } });
  expect(answer.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(problems).toEqual([]);
});
