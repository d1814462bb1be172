import { expect, test, type Page } from '@playwright/test';
import { openAndSignIn, SCREENSHOT_VIEWPORT } from './session';
import { emptyCart } from './steps';

// Buying as the demo reseller's owner (20% discount, may pay by monthly invoice).
// Each test starts from an empty cart, whatever an earlier test left in it.

const OWNER = 'owner@reseller.example';
const LICENSE_KEY = /^[A-Z0-9]{6}(-[A-Z0-9]{6}){5}$/;

/** Shop → SmarterMail → Enterprise, 250 mailboxes, ActiveSync, quantity 2 → Add to cart → View cart. */
async function addSmarterMailToCart(page: Page, { picture = false } = {}): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop' }).click();
  await page.getByRole('link', { name: 'Buy SmarterMail' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Buy SmarterMail' })).toBeVisible();

  await page.getByRole('radio', { name: 'Enterprise' }).check();
  await page.getByRole('radio', { name: '250 mailboxes' }).check();
  await page.getByRole('checkbox', { name: 'Exchange ActiveSync' }).check();
  await page.getByLabel('Quantity').fill('2');
  await expect(page.getByText('Line total at list price: 2 × $999.00 = $1,998.00')).toBeVisible();
  if (picture) await readmePicture(page, 'product');
  await page.getByRole('button', { name: 'Add to cart' }).click();

  const added = page.getByRole('region', { name: 'Added to your cart' });
  await expect(added).toContainText('2 × SmarterMail Enterprise');
  await added.getByRole('link', { name: 'View cart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
}

/** The README shows these pages; taking the pictures here keeps them current. */
async function readmePicture(page: Page, name: string): Promise<void> {
  await page.setViewportSize(SCREENSHOT_VIEWPORT);
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

async function expectDiscountedTotals(page: Page, caption: string): Promise<void> {
  const totals = page.getByRole('table', { name: caption });
  await expect(totals.getByRole('row', { name: /Subtotal/ })).toContainText('$1,998.00');
  await expect(totals.getByRole('row', { name: /Reseller discount \(20%\)/ })).toContainText('$399.60');
  await expect(totals.getByRole('row', { name: /^Total/ })).toContainText('$1,598.40');
}

async function checkOut(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expectDiscountedTotals(page, 'Order total');
  await expect(page.getByLabel('Company name')).not.toHaveValue('');
}

async function expectConfirmation(page: Page): Promise<void> {
  await expect(page).toHaveURL(/\/orders\/confirmation\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: /^Order ORD-\S+ placed$/ })).toBeVisible();
  await expectDiscountedTotals(page, 'Order total');
  const keys = page.getByRole('table', { name: 'New license keys' }).getByRole('rowheader');
  await expect(keys).toHaveCount(2);
  for (const key of await keys.allTextContents()) expect(key).toMatch(LICENSE_KEY);
  await expect(page.getByRole('link', { name: 'Go to Licenses' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Go to Invoices' })).toBeVisible();
}

test.beforeEach(async ({ page }) => {
  await openAndSignIn(page, OWNER);
  await emptyCart(page);
});

test('a partner buys two licenses on the monthly invoice', async ({ page }) => {
  await addSmarterMailToCart(page, { picture: true });
  const line = page.getByRole('row', { name: /^SmarterMail Enterprise, 250 mailboxes/ });
  await expect(line).toContainText('Exchange ActiveSync');
  await expect(line.getByRole('spinbutton')).toHaveValue('2');
  await expectDiscountedTotals(page, 'Cart total');

  await checkOut(page);
  await page.getByRole('radio', { name: 'Add to monthly invoice' }).check();
  await readmePicture(page, 'checkout');
  await page.getByRole('button', { name: 'Place order' }).click();

  await expectConfirmation(page);
  await readmePicture(page, 'order-confirmation');
  await expect(page.getByText('Pending summary', { exact: true })).toBeVisible();
  await expect(page.getByText(/does not need to be paid immediately/)).toBeVisible();

  // The cart was emptied by the order.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cart' }).click();
  await expect(page.getByText('Your cart is empty.')).toBeVisible();
});

test('a partner pays now with the sandbox’s succeeding test card', async ({ page }) => {
  await addSmarterMailToCart(page);
  await checkOut(page);

  await page.getByRole('radio', { name: 'Pay now by card' }).check();
  await page.getByLabel('Test card').selectOption('tok_success');
  await page.getByRole('button', { name: 'Place order' }).click();

  await expectConfirmation(page);
  await expect(page.getByText('Paid', { exact: true })).toBeVisible();
  await expect(page.getByText('Paid by card')).toBeVisible();
});

test('a declined card buys nothing and keeps the cart and the form', async ({ page }) => {
  await addSmarterMailToCart(page);
  await checkOut(page);
  await page.getByLabel('Contact person').fill('Olivia Owner, Purchasing');

  await page.getByRole('radio', { name: 'Pay now by card' }).check();
  await page.getByLabel('Test card').selectOption('tok_declined');
  await page.getByRole('button', { name: 'Place order' }).click();

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The payment did not go through.');
  await expect(alert).toContainText(/declined/i);
  await expect(alert).toContainText('Nothing was bought');
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(page.getByLabel('Contact person')).toHaveValue('Olivia Owner, Purchasing');
  await expect(page.getByLabel('Test card')).toHaveValue('tok_declined');

  await page.getByRole('link', { name: 'Back to cart' }).click();
  await expect(page.getByRole('row', { name: /^SmarterMail Enterprise, 250 mailboxes/ })).toBeVisible();
  await expectDiscountedTotals(page, 'Cart total');
});
