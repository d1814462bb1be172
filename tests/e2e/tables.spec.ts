import { expect, test, type Page } from '@playwright/test';
import { purchase } from './api';
import { openAndSignIn, signIn, signOut } from './session';

/** The keys of the licenses table's rows, in order. */
async function keysShown(page: Page): Promise<string[]> {
  // Rows of the view before stay, dimmed and busy, until the new page arrives.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  return page.getByRole('table', { name: /^Licenses, / }).locator('tbody th').allTextContents();
}

function pager(page: Page) {
  return page.getByRole('navigation', { name: 'Pages of licenses' });
}

test('a vendor admin filters, sorts and pages the licenses, and a copied link shows the same view', async ({
  page,
  context,
}) => {
  // Given more unassigned licenses than one page of 25 holds, bought by a partner.
  await openAndSignIn(page, 'owner@reseller.example');
  await purchase(page, [{ productCode: 'smartermail', editionCode: 'professional', tier: '250', quantity: 30 }]);
  await signOut(page);
  await signIn(page, 'admin@example.com');

  // When the admin filters by status, shows 25 rows a page and sorts by key…
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Licenses' })).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Unassigned' });
  await expect(page).toHaveURL(/\/licenses\?status=UNASSIGNED$/);
  await page.getByLabel('Rows per page').selectOption('25');
  await expect(page).toHaveURL(/\/licenses\?status=UNASSIGNED&size=25$/);
  const keyHeader = page.getByRole('columnheader', { name: 'Key' });
  await expect(keyHeader).toHaveAttribute('aria-sort', 'none');
  await keyHeader.getByRole('link').click();
  await expect(page).toHaveURL(/\/licenses\?status=UNASSIGNED&sort=key&size=25$/);
  await expect(keyHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('table', { name: 'Licenses, by key' })).toBeVisible();
  const firstPage = await keysShown(page);
  expect(firstPage).toHaveLength(25);
  expect(firstPage).toEqual([...firstPage].sort());
  await expect(pager(page).getByRole('status')).toHaveText('Showing the first 25 licenses.');
  await expect(pager(page).getByRole('link', { name: 'Previous page' })).toHaveAttribute('aria-disabled', 'true');

  // …and goes to the next page,
  await pager(page).getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/licenses\?status=UNASSIGNED&sort=key&size=25&after=[^&]+$/);
  const secondPage = await keysShown(page);
  expect(secondPage.length).toBeGreaterThan(0);
  const bothPages = [...firstPage, ...secondPage];
  expect(bothPages).toEqual([...bothPages].sort());
  expect(new Set(bothPages).size).toBe(bothPages.length);

  // then a link to the page opens the same view: rows, sort and filters.
  const link = page.url();
  const other = await context.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: 'Licenses' })).toBeVisible();
  expect(await keysShown(other)).toEqual(secondPage);
  await expect(other.getByRole('columnheader', { name: 'Key' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(other.getByLabel('Status')).toHaveValue('UNASSIGNED');
  await expect(other.getByLabel('Rows per page')).toHaveValue('25');
  await expect(other.getByRole('table', { name: 'Licenses, by key' })).toBeVisible();

  // Previous page goes back to the first page's rows; the sort header turns the order around.
  await pager(other).getByRole('link', { name: 'Previous page' }).click();
  await expect(other).toHaveURL(/before=/);
  expect(await keysShown(other)).toEqual(firstPage);
  await other.getByRole('columnheader', { name: 'Key' }).getByRole('link').click();
  await expect(other).toHaveURL(/\/licenses\?status=UNASSIGNED&sort=key&dir=desc&size=25$/);
  await expect(other.getByRole('columnheader', { name: 'Key' })).toHaveAttribute('aria-sort', 'descending');
  const descending = await keysShown(other);
  expect(descending).toEqual([...descending].sort().reverse());
});

test('a filter that matches nothing says so and offers to clear the filters', async ({ page }) => {
  await openAndSignIn(page, 'admin@example.com');
  await page.goto('/invoices?search=INV-1999&sort=total');

  await expect(page.getByText('No invoice matches these filters.')).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Search invoices' })).toHaveValue('INV-1999');
  await page.getByRole('link', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/invoices\?sort=total$/);
  const table = page.getByRole('table', { name: 'Invoices, largest total first' });
  await expect(table.getByRole('columnheader', { name: 'Total' })).toHaveAttribute('aria-sort', 'descending');
});
