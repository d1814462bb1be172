import { expect, test, type Locator, type Page } from '@playwright/test';
import { activateLicense, buyOne, purchase } from './api';
import { openAndSignIn, SCREENSHOT_VIEWPORT } from './session';
import { emptyCart } from './steps';

// Modifying licenses as the demo reseller's owner: upgrades and M&S from a license's page, and the
// Modify Existing License page. Each test buys its own licenses through the API and starts from an
// empty cart.

const OWNER = 'owner@reseller.example';

async function openLicense(page: Page, key: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses' }).click();
  await page.getByRole('table', { name: 'Licenses, newest first' }).getByRole('link', { name: key }).click();
  await expect(page.getByRole('heading', { level: 1, name: `License ${key}` })).toBeVisible();
}

/** The value beside a label in the license's details. */
function detail(page: Page, label: string) {
  return page.locator('dl.details > div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
}

/** The added-to-cart message → the cart (`inCart` may change the line) → checkout on the monthly invoice → the confirmation. */
async function checkOutOnInvoice(
  page: Page,
  line: RegExp,
  key: string,
  inCart?: (row: Locator) => Promise<void>,
): Promise<void> {
  await page.getByRole('region', { name: 'Added to your cart' }).getByRole('link', { name: 'View cart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
  const row = page.getByRole('row', { name: line });
  await expect(row.getByRole('link', { name: key })).toBeVisible();
  await expect(row.getByRole('spinbutton')).toHaveCount(0);
  await inCart?.(row);

  await page.getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await page.getByRole('radio', { name: 'Add to monthly invoice' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Order ORD-\S+ placed$/ })).toBeVisible();
  await expect(page.getByText('its changes are made to your licenses')).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await openAndSignIn(page, OWNER);
  await emptyCart(page);
});

test('a partner upgrades a license from its page: the cart, checkout, then the new edition and revision', async ({
  page,
}) => {
  const key = await buyOne(page, { productCode: 'smartermail', editionCode: 'professional', tier: '250', personal: true });
  // a personal license activates without being assigned: its server must reactivate after the upgrade
  await activateLicense(page, key, 'mail.reseller.example');
  await openLicense(page, key);
  const installations = page.getByRole('region', { name: 'Installations' });
  await expect(installations.getByRole('row', { name: /^mail\.reseller\.example/ })).toContainText('Active');
  await expect(detail(page, 'Revision')).toHaveText('1');

  await page.getByRole('button', { name: 'Upgrade' }).click();
  const dialog = page.getByRole('dialog', { name: 'Upgrade license' });
  await expect(dialog.getByRole('radio', { name: 'Professional (current)' })).toBeChecked();
  await expect(dialog.getByRole('radio', { name: 'Free' })).toHaveCount(0);
  await dialog.getByRole('radio', { name: 'Enterprise' }).check();
  const price = dialog.getByRole('region', { name: 'Price' });
  await expect(price).toContainText(/\$\d/);
  await expect(price).toContainText('SmarterMail Professional, 250 mailboxes → Enterprise, 250 mailboxes');
  await dialog.getByRole('button', { name: 'Add to cart' }).click();
  await expect(dialog).toHaveCount(0);

  await checkOutOnInvoice(page, /^Upgrade/, key);
  await page
    .getByRole('table', { name: /^Lines of order/ })
    .getByRole('link', { name: key })
    .click();

  await expect(page.getByRole('heading', { level: 1, name: `License ${key}` })).toBeVisible();
  await expect(detail(page, 'Edition')).toHaveText('Enterprise');
  await expect(detail(page, 'Tier')).toHaveText('250 mailboxes');
  await expect(detail(page, 'Revision')).toHaveText('2');
  await expect(installations).toContainText('Reactivation required');
  await page.setViewportSize(SCREENSHOT_VIEWPORT);
  await page.screenshot({ path: 'docs/screenshots/license.png', fullPage: true });
});

test('a partner renews M&S for two years, makes it three in the cart, checks out, then sees the new expiry', async ({
  page,
}) => {
  const key = await buyOne(page, { productCode: 'smartertrack', editionCode: 'professional', tier: '5' });
  await openLicense(page, key);

  await page.getByRole('button', { name: 'Renew M&S' }).click();
  const dialog = page.getByRole('dialog', { name: 'Renew M&S' });
  const price = dialog.getByRole('region', { name: 'M&S price' });
  const oneYear = await price.locator('dd').first().textContent();
  await dialog.getByLabel('Years').selectOption({ label: '2 years' });
  await expect(price.locator('dd').first()).not.toHaveText(oneYear ?? '');
  const newExpiry =
    (await price.locator('dl > div').filter({ hasText: 'New M&S expiry' }).locator('dd').textContent()) ?? '';
  expect(newExpiry).not.toBe('');
  await dialog.getByRole('button', { name: 'Add to cart' }).click();

  await checkOutOnInvoice(page, /^M&S renewal/, key, async (row) => {
    const subtotal = row.getByRole('cell').nth(2);
    const twoYears = (await subtotal.textContent()) ?? '';
    await row.getByRole('combobox', { name: `Years of M&S for ${key}` }).selectOption({ label: '3 years' });
    await row.getByRole('button', { name: `Update years of M&S for ${key}` }).click();
    await expect(page.getByText(`M&S renewal of ${key}: now 3 years of M&S.`)).toBeVisible();
    await expect(row).toContainText('3 years of M&S');
    await expect(subtotal).not.toHaveText(twoYears);
  });
  await expect(page.getByRole('table', { name: /^Lines of order/ })).toContainText('3 years of M&S');

  // the order's page names the M&S expiry before and after, a year past the dialog's two-year quote
  const placed = (await page.getByRole('heading', { level: 1 }).textContent()) ?? '';
  const number = placed.replace(/^Order (\S+) placed$/, '$1');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Orders' }).click();
  await page.getByRole('link', { name: number }).click();
  const line = page.getByRole('table', { name: `Lines of order ${number}` }).getByRole('row', { name: /^M&S renewal/ });
  await expect(line).toContainText('M&S until');
  const after = (await line.locator('time').last().textContent()) ?? '';
  expect(after).not.toBe(newExpiry);
  await openLicense(page, key);
  await expect(detail(page, 'Maintenance & Support until')).toContainText(after);
  await expect(detail(page, 'Revision')).toHaveText('1');
});

test('Modify Existing License finds a personal license in the list and a resold one by its key', async ({
  page,
  browser,
}) => {
  const { licenses: bought } = await purchase(page, [
    { productCode: 'smarterstats', editionCode: 'professional', tier: '50', quantity: 1, personal: true },
    { productCode: 'smartermail', editionCode: 'professional', tier: '250', quantity: 1 },
  ]);
  const personal = bought.find((license) => license.personal);
  const resold = bought.find((license) => !license.personal);
  if (!personal || !resold) throw new Error('the purchase issued other licenses than asked for');

  // another reseller's license, bought in a session of its own
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await openAndSignIn(otherPage, 'owner@second-reseller.example');
  const othersKey = await buyOne(otherPage, { productCode: 'smartermail', editionCode: 'professional', tier: '250' });
  await other.close();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Licenses' }).click();
  await page.getByRole('link', { name: 'Modify existing license' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Modify existing license' })).toBeVisible();

  // Personal: pick it from the list
  await expect(page.getByRole('radio', { name: 'Personal' })).toBeChecked();
  await page
    .getByRole('table', { name: 'Your personal licenses' })
    .getByRole('button', { name: `Select ${personal.key}` })
    .click();
  const selected = page.getByRole('region', { name: 'Selected license' });
  await expect(selected).toContainText(personal.key);
  await expect(selected).toContainText('Personal: for your own use');
  await expect(page.getByRole('region', { name: 'Changes' }).getByRole('button', { name: 'Upgrade' })).toBeVisible();
  await selected.getByRole('button', { name: 'Choose another license' }).click();

  // Resold: another reseller's key is not found, the account's own is
  await page.getByRole('radio', { name: 'Resold' }).check();
  await page.getByLabel('License key', { exact: true }).fill(othersKey);
  await page.getByRole('button', { name: 'Go' }).click();
  await expect(page.getByText(/Not found: your account has no license with the key/)).toBeVisible();
  await page.getByLabel('License key', { exact: true }).fill(resold.key.toLowerCase());
  await page.getByRole('button', { name: 'Go' }).click();
  const found = page.getByRole('region', { name: 'License found' });
  await expect(found).toContainText(resold.key);
  await found.getByRole('button', { name: `Select ${resold.key}` }).click();

  await expect(page.getByRole('region', { name: 'Selected license' })).toContainText(resold.key);
  const changes = page.getByRole('region', { name: 'Changes' });
  await changes.getByRole('button', { name: 'Renew M&S' }).click();
  await page.getByRole('dialog', { name: 'Renew M&S' }).getByRole('button', { name: 'Add to cart' }).click();
  await expect(changes.getByRole('region', { name: 'Added to your cart' })).toContainText(resold.key);
});
