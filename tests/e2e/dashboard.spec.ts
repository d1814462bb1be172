import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DEMO_PASSWORD, openAndSignIn, SCREENSHOT_VIEWPORT } from './session';
import { emptyCart, escaped } from './steps';

// A new partner's first walk through the app, from the home page: its figures, a license found by
// its key with the header's search, the M&S of a license renewed with one click from the home
// page, checkout on the monthly invoice, and the invoice found again. Then the same walk with only
// the keyboard. `seed-demo` gives the demo reseller licenses whose M&S ends within 60 days.

const OWNER = 'owner@reseller.example';

test.use({ viewport: SCREENSHOT_VIEWPORT });

function card(page: Page, name: string): Locator {
  return page.getByRole('region', { name, exact: true });
}

function search(page: Page): Locator {
  return page.getByRole('banner').getByRole('combobox', {
    name: 'Search by license key, customer email, invoice or order number',
  });
}

function maintenanceEndingRows(page: Page): Locator {
  return card(page, 'M&S ending soon')
    .getByRole('table', { name: 'Licenses whose M&S ends within 60 days, soonest first' })
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: /^Renew M&S of / }) });
}

/** The home page as it opens: every card of an owner with its figure, the chart and the activity. */
async function readHomePage(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(card(page, 'Unassigned licenses')).toContainText(/\d+/);
  await expect(card(page, 'Amount due')).toContainText(/\$[\d,]+\.\d\d/);
  await expect(card(page, 'M&S ending in 60 days')).toContainText(/[1-9]\d*/);
  await expect(card(page, 'Purchases this month')).toContainText(/\$[\d,]+\.\d\d/);
  await expect(page.getByRole('img', { name: /^Purchases by product, / })).toBeVisible();
  await expect(card(page, 'Recent activity').getByRole('listitem').first()).toBeVisible();
}

/** The key of the first license the home page offers to renew. */
async function firstKeyToRenew(page: Page): Promise<string> {
  const row = maintenanceEndingRows(page).first();
  const key = ((await row.getByRole('rowheader').textContent()) ?? '').trim();
  expect(key).toMatch(/^[A-Z0-9]{6}(-[A-Z0-9]{6}){5}$/);
  return key;
}

/** The invoice number on the order confirmation. */
async function confirmedInvoiceNumber(page: Page): Promise<string> {
  await expect(page.getByRole('heading', { level: 1, name: /^Order ORD-\S+ placed$/ })).toBeVisible();
  const invoice = page
    .locator('dl.details > div')
    .filter({ has: page.getByRole('term').getByText('Invoice', { exact: true }) })
    .getByRole('definition');
  const number = ((await invoice.textContent()) ?? '').trim();
  expect(number).toMatch(/^INV-\S+$/);
  return number;
}

/** axe-core's serious and critical findings on the page as it is now, by rule and element. */
async function seriousAccessibilityProblems(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) => violation.nodes.map((node) => `${violation.id} at ${node.target.join(' ')}`));
}

/** Presses Tab (or Shift+Tab) until the element has the focus, as a keyboard user moves through a page. */
async function tabTo(page: Page, target: Locator, { backwards = false, most = 80 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses <= most; presses += 1) {
    // typed by hand: the tests are compiled without the DOM's types
    const focused = await target.evaluate(
      (element: { ownerDocument: { activeElement: unknown } }) => element === element.ownerDocument.activeElement,
    );
    if (focused) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${String(target)} took more than ${most} presses of Tab`);
}

test.beforeEach(async ({ page }) => {
  await openAndSignIn(page, OWNER);
  await emptyCart(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
});

test('a new partner reads the home page, finds a license, renews its M&S from home and finds the invoice', async ({
  page,
}) => {
  await readHomePage(page);
  // The README's picture: the home page's cards, the licenses to renew, the chart and the activity.
  await page.screenshot({ path: 'docs/screenshots/home.png', fullPage: true });

  // The chart's figures as a table, and the page stays accessible with it shown.
  await page.getByRole('button', { name: 'Show as table' }).click();
  await expect(page.getByRole('table', { name: 'Purchases by product and month' }).getByRole('row')).toHaveCount(13);
  expect(await seriousAccessibilityProblems(page)).toEqual([]);

  // A license the home page shows, found with the header's search by its key.
  const key = await firstKeyToRenew(page);
  await search(page).click();
  await search(page).fill(key);
  const option = page.getByRole('option', { name: new RegExp(escaped(key)) });
  await expect(option).toBeVisible();
  await expect(search(page)).toHaveAttribute('aria-expanded', 'true');
  expect(await seriousAccessibilityProblems(page)).toEqual([]);
  await option.click();
  await expect(page.getByRole('heading', { level: 1, name: `License ${key}` })).toBeVisible();

  // Back home, one click renews its M&S into the cart.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await card(page, 'M&S ending soon').getByRole('button', { name: `Renew M&S of ${key}` }).click();
  const added = card(page, 'Added to your cart');
  await expect(added).toContainText(`M&S renewal`);
  await expect(added).toContainText(/\$[\d,]+\.\d\d after your discount/);
  await expect(maintenanceEndingRows(page).filter({ hasText: key })).toHaveCount(0);
  await added.getByRole('link', { name: 'Go to cart' }).click();

  // The cart holds the renewal; checkout on the monthly invoice.
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^M&S renewal/ }).getByRole('link', { name: key })).toBeVisible();
  await page.getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await page.getByRole('radio', { name: 'Add to monthly invoice' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  const number = await confirmedInvoiceNumber(page);

  // The invoice, found by its number; and home no longer offers to renew the license.
  await search(page).click();
  await search(page).fill(number);
  await search(page).press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${number}` })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  await expect(maintenanceEndingRows(page).first()).toBeVisible();
  await expect(maintenanceEndingRows(page).filter({ hasText: key })).toHaveCount(0);
});

test('the same walk with only the keyboard', async ({ page }) => {
  // Signed in again, by keyboard this time.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await tabTo(page, page.getByLabel('Email'));
  await page.keyboard.type(OWNER);
  await tabTo(page, page.getByLabel('Password'));
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await readHomePage(page);

  // "/" takes the search; a license's whole key and Enter open it.
  const key = await firstKeyToRenew(page);
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  await page.keyboard.type(key);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `License ${key}` })).toBeVisible();

  // Home again from the navigation, and Renew with the keyboard.
  await tabTo(page, page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }), {
    backwards: true,
  });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await tabTo(page, card(page, 'M&S ending soon').getByRole('button', { name: `Renew M&S of ${key}` }));
  await page.keyboard.press('Enter');
  const added = card(page, 'Added to your cart');
  await expect(added.getByRole('heading', { name: 'Added to your cart' })).toBeFocused();
  await tabTo(page, added.getByRole('link', { name: 'Go to cart' }));
  await page.keyboard.press('Enter');

  // Cart, then checkout on the monthly invoice: the radio group is entered with Tab and chosen with the arrows.
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
  await expect(page.getByRole('row', { name: /^M&S renewal/ }).getByRole('link', { name: key })).toBeVisible();
  await tabTo(page, page.getByRole('link', { name: 'Checkout' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  const onInvoice = page.getByRole('radio', { name: 'Add to monthly invoice' });
  await tabTo(page, page.getByRole('radio', { name: 'Pay now by card' }));
  for (let presses = 0; presses < 4 && !(await onInvoice.isChecked()); presses += 1) {
    await page.keyboard.press('ArrowDown');
  }
  await expect(onInvoice).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Place order' }));
  await page.keyboard.press('Enter');
  const number = await confirmedInvoiceNumber(page);

  // The invoice by its number: "/", the number and Enter.
  await page.keyboard.press('/');
  await page.keyboard.type(number);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: `Invoice ${number}` })).toBeVisible();
});
