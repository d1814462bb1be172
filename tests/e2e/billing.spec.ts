import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openAndSignIn, SCREENSHOT_VIEWPORT, signOut } from './session';
import { escaped } from './steps';

// Billing: `seed-demo` closes the previous month, so each demo reseller has an unpaid summary
// invoice. The owner pays theirs by card and downloads its PDF; the vendor records a bank transfer
// against the other reseller's, finds it on the Payments page, and finds the closed month on the
// Billing page, where closing it again adds nothing.

const OWNER = 'owner@reseller.example';
const ADMIN = 'admin@example.com';
const RUN = Date.now().toString(36);

test.use({ viewport: SCREENSHOT_VIEWPORT });

/** The month before this one in UTC, as the API names it (YYYY-MM) and as people read it. */
function previousMonth(): { period: string; label: string } {
  const now = new Date();
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return {
    period: first.toISOString().slice(0, 7),
    label: new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(first),
  };
}

async function openFromNavigation(page: Page, link: string, heading = link): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

/** The rows of the Invoices page's "Unpaid Invoices" section. */
function unpaidSummaryRows(page: Page): Locator {
  return page
    .getByRole('region', { name: 'Unpaid Invoices' })
    .getByRole('table', { name: 'Unpaid summary invoices' })
    .getByRole('row', { name: /^INV-/ });
}

/** The value of one of an invoice's details (Status, Amount due …). */
function detail(page: Page, label: string): Locator {
  return page.locator('.details > div').filter({ has: page.getByRole('term').getByText(label, { exact: true }) });
}

/** Opens the invoice of an Unpaid Invoices row and answers its number. */
async function openUnpaidSummary(row: Locator): Promise<string> {
  const link = row.getByRole('link', { name: /^INV-/ });
  const number = (await link.textContent()) ?? '';
  expect(number).toMatch(/^INV-\S+$/);
  await link.click();
  await expect(row.page().getByRole('heading', { level: 1, name: `Invoice ${number}` })).toBeVisible();
  return number;
}

test('an owner pays the month’s summary invoice by card and downloads its PDF', async ({ page }) => {
  await openAndSignIn(page, OWNER);
  await openFromNavigation(page, 'Invoices');

  const unpaid = unpaidSummaryRows(page);
  await expect(unpaid).toHaveCount(1);
  await expect(unpaid).toContainText('Summary');
  await expect(unpaid).toContainText('Open');
  await expect(unpaid).toContainText('Summary Invoice');
  await expect(page.getByRole('table', { name: 'Invoices, newest first' })).toBeVisible();
  // The README's picture: the unpaid summary above all invoices.
  await page.screenshot({ path: 'docs/screenshots/invoices.png', fullPage: true });

  const number = await openUnpaidSummary(unpaid);
  await expect(detail(page, 'Status')).toContainText('Open');
  const due = ((await detail(page, 'Amount due').getByRole('definition').textContent()) ?? '').trim();
  expect(due).toMatch(/^\$[\d,]+\.\d\d$/);
  await expect(
    page.getByRole('region', { name: 'Invoices summarized' }).getByRole('row', { name: /^INV-/ }).first(),
  ).toContainText('Pending summary');

  // Pay with the sandbox's card that succeeds.
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Pay invoice ${number}` });
  await expect(dialog.getByLabel('Test card')).toBeFocused();
  await expect(dialog.getByLabel('Test card')).toHaveValue('tok_success');
  await expect(dialog).toContainText(due);
  await dialog.getByRole('button', { name: `Pay ${due}` }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Payment received: ${due} by card. Invoice ${number} is paid.`)).toBeVisible();
  await expect(detail(page, 'Status')).toContainText('Paid');
  await expect(detail(page, 'Amount due')).toContainText('$0.00');
  await expect(page.getByRole('button', { name: 'Pay', exact: true })).toHaveCount(0);
  await expect(
    page.getByRole('table', { name: `Payments of invoice ${number}` }).getByRole('row', { name: /Card/ }),
  ).toContainText(due);
  // The README's picture: a paid summary with its payment, the invoices it collects and its actions.
  await page.screenshot({ path: 'docs/screenshots/invoice.png', fullPage: true });

  // The PDF, read with the session cookie and saved under the invoice's number.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${number}.pdf`);
  const pdf = await readFile(await download.path());
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await expect(page.getByText(`Downloaded ${number}.pdf.`)).toBeVisible();

  // Nothing is left to pay; the summary is paid among all invoices.
  await page.getByRole('link', { name: 'Back to invoices' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invoices' })).toBeVisible();
  const paid = page
    .getByRole('table', { name: 'Invoices, newest first' })
    .getByRole('row', { name: new RegExp(`^${escaped(number)}`) });
  await expect(paid).toContainText('Paid');
  await expect(page.getByRole('region', { name: 'Unpaid Invoices' })).toHaveCount(0);
  await signOut(page);
});

test('the vendor records a bank transfer, sees it on Payments, and finds the closed month on Billing', async ({
  page,
}) => {
  const reference = `E2E-${RUN}`;
  await openAndSignIn(page, ADMIN);

  // The other demo reseller's summary is still unpaid: record part of it as received.
  await openFromNavigation(page, 'Invoices');
  const number = await openUnpaidSummary(unpaidSummaryRows(page).first());
  await page.getByRole('button', { name: 'Record payment' }).click();
  const dialog = page.getByRole('dialog', { name: `Record a payment of ${number}` });
  await expect(dialog.getByLabel('Amount (USD)')).toBeFocused();
  await dialog.getByLabel('Amount (USD)').fill('10.00');
  await dialog.getByLabel('Bank reference').fill(reference);
  await dialog.getByRole('button', { name: 'Record payment' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Payment of \$10\.00 recorded\. Still due: \$[\d,]+\.\d\d\.$/)).toBeVisible();
  await expect(detail(page, 'Status')).toContainText('Open');
  await expect(page.getByRole('table', { name: `Payments of invoice ${number}` })).toContainText(reference);

  await openFromNavigation(page, 'Payments');
  const payment = page
    .getByRole('table', { name: 'Payments, newest first' })
    .getByRole('row', { name: new RegExp(escaped(reference)) });
  await expect(payment).toContainText(number);
  await expect(payment).toContainText('Bank transfer');
  await expect(payment).toContainText('$10.00');
  await expect(payment).toContainText(ADMIN);

  // seed-demo closed the previous month.
  const { period, label } = previousMonth();
  await openFromNavigation(page, 'Billing');
  const closed = page
    .getByRole('table', { name: 'Closed months, newest first' })
    .getByRole('row', { name: new RegExp(`^${escaped(label)}`) });
  await expect(closed).toBeVisible();
  await expect(page.getByLabel('Month', { exact: true })).toHaveValue(period);

  // Closing it again asks first, and makes nothing new.
  await page.getByRole('button', { name: 'Close month…' }).click();
  const confirm = page.getByRole('dialog', { name: `Close ${label}?` });
  await expect(confirm).toContainText('This cannot be undone.');
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: `Yes, close ${label}` }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText(`${label} is already closed — nothing new to summarize.`)).toBeVisible();
  await expect(closed).toHaveCount(1);
});
