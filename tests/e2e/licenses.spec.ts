import { expect, test, type Page } from '@playwright/test';
import { purchase } from './api';
import { openAndSignIn } from './session';

/**
 * Buys licenses through the API as the signed-in user, paid by monthly invoice: two SmarterMail
 * licenses for resale and a SmarterTrack license for the account's own use. The demo data may
 * hold licenses of its own; these are the ones the test knows by key.
 */
async function buyLicenses(page: Page) {
  const purchased = await purchase(page, [
    { productCode: 'smartermail', editionCode: 'professional', tier: '250', quantity: 2 },
    { productCode: 'smartertrack', editionCode: 'enterprise', tier: '5', quantity: 1, personal: true },
  ]);
  const { invoice } = purchased;
  if (!invoice) throw new Error('the purchase answered no invoice');
  return { ...purchased, invoice };
}

function keyCell(page: Page, key: string) {
  return page.getByRole('table', { name: 'Licenses, newest first' }).getByRole('link', { name: key });
}

test('an owner finds bought licenses, filters and searches them, and follows them to the order and invoice', async ({
  page,
}) => {
  await openAndSignIn(page, 'owner@reseller.example');
  const purchased = await buyLicenses(page);
  const mail = purchased.licenses.filter((license) => license.product.code === 'smartermail');
  const track = purchased.licenses.find((license) => license.product.code === 'smartertrack');
  if (mail.length !== 2 || !track) throw new Error('the purchase issued other licenses than asked for');
  const [firstMail, secondMail] = mail as [(typeof mail)[number], (typeof mail)[number]];
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Every license bought is listed.
  await nav.getByRole('link', { name: 'Licenses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Licenses' })).toBeVisible();
  for (const { key } of purchased.licenses) {
    await expect(keyCell(page, key)).toBeVisible();
  }
  const trackRow = page.getByRole('row', { name: new RegExp(`^${track.key}`) });
  await expect(trackRow).toContainText('SmarterTrack');
  await expect(trackRow).toContainText('UnassignedPersonal');
  await expect(trackRow.getByRole('link', { name: purchased.order.number })).toBeVisible();

  // Nothing assigned yet: the licenses are under Unassigned, not under Assigned.
  await page.getByLabel('Status').selectOption({ label: 'Assigned' });
  await expect(page).toHaveURL(/\/licenses\?status=ASSIGNED$/);
  await expect(keyCell(page, firstMail.key)).toHaveCount(0);
  await expect(keyCell(page, track.key)).toHaveCount(0);
  await page.getByLabel('Status').selectOption({ label: 'Unassigned' });
  await expect(page).toHaveURL(/\/licenses\?status=UNASSIGNED$/);
  await expect(keyCell(page, firstMail.key)).toBeVisible();
  await expect(keyCell(page, track.key)).toBeVisible();

  // And of one product: the address keeps both filters, so a reload shows the same.
  await page.getByLabel('Status').selectOption({ label: 'All' });
  await page.getByLabel('Product').selectOption({ label: 'SmarterTrack' });
  await expect(page).toHaveURL(/\/licenses\?product=smartertrack$/);
  await expect(keyCell(page, track.key)).toBeVisible();
  await expect(keyCell(page, firstMail.key)).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Product')).toHaveValue('smartertrack');
  await expect(keyCell(page, track.key)).toBeVisible();
  await expect(keyCell(page, firstMail.key)).toHaveCount(0);

  // A key's first group, typed in lower case, finds that license.
  await page.getByLabel('Product').selectOption({ label: 'All products' });
  const prefix = secondMail.key.slice(0, 6);
  await page.getByLabel('Search licenses').fill(prefix.toLowerCase());
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(new RegExp(`search=${prefix.toLowerCase()}`));
  await expect(keyCell(page, secondMail.key)).toBeVisible();
  await expect(keyCell(page, firstMail.key)).toHaveCount(0);

  // The license's own page.
  await keyCell(page, secondMail.key).click();
  await expect(page.getByRole('heading', { level: 1, name: `License ${secondMail.key}` })).toBeVisible();
  await expect(page).toHaveTitle(`License ${secondMail.key} · Partner Portal`);
  await expect(page.getByRole('main')).toContainText('SmarterMail');
  await expect(page.getByRole('main')).toContainText('Professional');
  await expect(page.getByRole('main')).toContainText('Unassigned');
  await expect(page.getByRole('button', { name: 'Copy key' })).toBeVisible();

  // Its order, with the keys it issued.
  await nav.getByRole('link', { name: 'Orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible();
  const orderRow = page.getByRole('row', { name: new RegExp(`^${purchased.order.number}`) });
  await expect(orderRow).toContainText('Monthly invoice');
  await expect(orderRow).toContainText(purchased.invoice.number);
  await orderRow.getByRole('link', { name: purchased.order.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Order ${purchased.order.number}` })).toBeVisible();
  const issued = page.getByRole('region', { name: 'Licenses issued' });
  for (const { key } of purchased.licenses) {
    await expect(issued.getByRole('link', { name: key })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Invoice' })).toContainText('Pending summary');
  await expect(page.getByRole('table', { name: `Lines of order ${purchased.order.number}` })).toContainText(
    'SmarterMail',
  );

  // The order's invoice waits for the monthly summary, and says so.
  await nav.getByRole('link', { name: 'Invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  const invoiceRow = page
    .getByRole('table', { name: 'Invoices, newest first' })
    .getByRole('row', { name: new RegExp(`^${purchased.invoice.number}`) });
  await expect(invoiceRow).toContainText('Pending summary');
  await expect(invoiceRow).toContainText(purchased.invoice.notes);
  expect(purchased.invoice.notes).toMatch(/summarized in the monthly summarized invoice/);
  await invoiceRow.getByRole('link', { name: purchased.invoice.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${purchased.invoice.number}` })).toBeVisible();
  await expect(page.getByRole('link', { name: purchased.order.number })).toBeVisible();
});
