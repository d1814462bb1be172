import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { graphql, purchase } from './api';
import { DEMO_PASSWORD, openAndSignIn, SCREENSHOT_VIEWPORT, signOut } from './session';
import { emailRows, emailTextBody, escaped, openEmailAsVendor } from './steps';

// An owner assigns licenses bought for resale from each place the partner guide names: a row of
// Unassigned Products, a product's dialog, and a row of Reseller Customers (the email filled in),
// then from a license's own page. The customers are new to this run, so that the demo customer's
// licenses stay as other specs expect them.

const OWNER = 'owner@reseller.example';
const RUN = Date.now().toString(36);
const ANA = { email: `ana.${RUN}@customer.example`, name: 'Ana Alvarez' };
const BEN = { email: `ben.${RUN}@customer.example`, name: 'Ben Brooks' };

const ASSIGN = `
  mutation Assign($input: AssignLicenseInput!) {
    assignLicense(input: $input) { userErrors { code message field } }
  }
`;

/** Buys four SmarterMail licenses for resale through the API, paid by monthly invoice: the test knows their keys. */
async function buyLicensesForResale(page: Page): Promise<string[]> {
  const purchased = await purchase(page, [
    { productCode: 'smartermail', editionCode: 'professional', tier: '250', quantity: 4 },
  ]);
  expect(purchased.licenses.map((license) => [license.status, license.personal])).toEqual(
    Array.from({ length: 4 }, () => ['UNASSIGNED', false]),
  );
  return purchased.licenses.map((license) => license.key);
}

function unassignedRow(page: Page, key: string): Locator {
  return page
    .getByRole('table', { name: 'Unassigned licenses for resale, newest first' })
    .getByRole('row', { name: new RegExp(escaped(key)) });
}

function customerRow(page: Page, email: string): Locator {
  return page.getByRole('table', { name: 'Customers, by email' }).getByRole('row', { name: new RegExp(escaped(email)) });
}

async function openReselling(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reselling' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Reselling' })).toBeVisible();
}

/** Fills the Assign Product dialog, checks the confirmation's warning, and assigns. */
async function assignInDialog(
  page: Page,
  { key, email, name }: { key: string; email?: string; name?: string },
): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'Assign license' });
  await expect(dialog).toBeVisible();
  const license = dialog.getByLabel('License', { exact: true });
  if ((await license.inputValue()) !== key) await license.selectOption(key);
  if (email !== undefined) await dialog.getByLabel('Customer email').fill(email);
  if (name !== undefined) await dialog.getByLabel('Customer name').fill(name);
  const finalEmail = await dialog.getByLabel('Customer email').inputValue();
  await dialog.getByRole('button', { name: 'Continue' }).click();

  const question = dialog.getByRole('group', { name: `Assign ${key} to ${finalEmail}? This cannot be undone.` });
  await expect(question).toBeVisible();
  await expect(question).toContainText('can never be re-assigned');
  await expect(question.getByRole('button', { name: 'Back' })).toBeFocused();
  await question.getByRole('button', { name: 'Yes, assign license' }).click();
  await expect(dialog).toBeHidden();
}

/** The confirmation after an assignment (its whole paragraph, not only its bold start). */
function successMessage(page: Page): Locator {
  return page.getByText(/^License assigned\. \S/);
}

test('an owner assigns licenses from Unassigned Products, a product’s dialog, a customer and a license’s page', async ({
  page,
}) => {
  await openAndSignIn(page, OWNER);
  const [fromRow, fromProduct, fromCustomer, fromLicensePage] = (await buyLicensesForResale(page)) as [
    string,
    string,
    string,
    string,
  ];
  await openReselling(page);
  for (const key of [fromRow, fromProduct, fromCustomer, fromLicensePage]) {
    await expect(unassignedRow(page, key)).toContainText('SmarterMail');
  }
  await expect(unassignedRow(page, fromRow)).toContainText('Professional');
  await expect(unassignedRow(page, fromRow)).toContainText('250 mailboxes');

  // (a) The row's Assign button: the dialog starts with that license and the email field.
  await unassignedRow(page, fromRow).getByRole('button', { name: /^Assign license/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Assign license' });
  await expect(dialog.getByLabel('License', { exact: true })).toHaveValue(fromRow);
  await expect(dialog.getByLabel('Customer email')).toBeFocused();
  await assignInDialog(page, { key: fromRow, ...ANA });
  await expect(successMessage(page)).toContainText(
    `${fromRow} (SmarterMail Professional, 250 mailboxes) is now assigned to ${ANA.name} (${ANA.email}).`,
  );
  await expect(successMessage(page)).toContainText(`A customer account was created for ${ANA.email}`);
  await expect(successMessage(page)).toBeFocused();
  await expect(unassignedRow(page, fromRow)).toHaveCount(0);
  await expect(customerRow(page, ANA.email)).toContainText(ANA.name);
  await expect(customerRow(page, ANA.email)).toContainText('1 license');
  await expect(customerRow(page, ANA.email)).toContainText('SmarterMail');

  // (b) The product's dialog, opened from its name, has its own Assign button.
  await unassignedRow(page, fromProduct).getByRole('button', { name: /^SmarterMail/ }).click();
  const product = page.getByRole('dialog', { name: 'SmarterMail Professional' });
  await expect(product).toContainText(fromProduct);
  await expect(product).toContainText('250 mailboxes');
  await product.getByRole('button', { name: 'Assign license' }).click();
  await expect(product).toBeHidden();
  await expect(dialog.getByLabel('License', { exact: true })).toHaveValue(fromProduct);
  await assignInDialog(page, { key: fromProduct, ...BEN });
  await expect(successMessage(page)).toContainText(`is now assigned to ${BEN.name} (${BEN.email})`);
  await expect(customerRow(page, BEN.email)).toContainText('1 license');

  // (c) A customer's row: the email (and name) are filled in; a known customer gets no new account.
  await customerRow(page, ANA.email).getByRole('button', { name: `Assign license to ${ANA.email}` }).click();
  await expect(dialog.getByLabel('Customer email')).toHaveValue(ANA.email);
  await expect(dialog.getByLabel('Customer name')).toHaveValue(ANA.name);
  await expect(dialog.getByLabel('License', { exact: true })).toHaveValue('');
  await assignInDialog(page, { key: fromCustomer });
  await expect(successMessage(page)).toContainText(`${ANA.email} already had a customer account`);
  await expect(customerRow(page, ANA.email)).toContainText('2 licenses');
  await expect(unassignedRow(page, fromCustomer)).toHaveCount(0);

  // The customer's licenses, on the Licenses page.
  await customerRow(page, ANA.email).getByRole('link', { name: `2 licenses of ${ANA.email}` }).click();
  await expect(page).toHaveURL(/\/licenses\?customer=/);
  const licenses = page.getByRole('table', { name: 'Licenses, newest first' });
  await expect(licenses.getByRole('link', { name: fromRow })).toBeVisible();
  await expect(licenses.getByRole('link', { name: fromCustomer })).toBeVisible();
  await expect(licenses.getByRole('link', { name: fromProduct })).toHaveCount(0);

  // The license's page names its customer.
  await licenses.getByRole('link', { name: fromRow }).click();
  const assignment = page.getByRole('region', { name: 'Assignment and changes' });
  await expect(assignment).toContainText(`Assigned to ${ANA.name} (${ANA.email}).`);
  await expect(assignment.getByRole('button', { name: 'Assign license' })).toHaveCount(0);

  // An unassigned license's page offers to assign it, the license chosen.
  await page.goto(`/licenses/${fromLicensePage}`);
  await expect(assignment).toContainText('not assigned to a customer yet');
  await assignment.getByRole('button', { name: 'Assign license' }).click();
  await expect(dialog.getByLabel('License', { exact: true })).toHaveValue(fromLicensePage);
  await assignInDialog(page, { key: fromLicensePage, email: BEN.email });
  await expect(successMessage(page)).toContainText(`${BEN.email} already had a customer account`);
  await expect(assignment).toContainText(`Assigned to ${BEN.name} (${BEN.email}).`);
  await expect(assignment.getByRole('button', { name: 'Assign license' })).toHaveCount(0);

  // Assignment is final: an assigned license is no longer offered, and the API refuses to assign it again.
  await openReselling(page);
  await customerRow(page, BEN.email).getByRole('button', { name: `Assign license to ${BEN.email}` }).click();
  await expect(dialog.getByLabel('License', { exact: true }).getByRole('option', { name: new RegExp(escaped(fromRow)) })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  const again = await graphql<{ assignLicense: { userErrors: { code: string; field: string[] }[] } }>(
    page,
    ASSIGN,
    { input: { licenseKey: fromRow, email: BEN.email } },
  );
  expect(again.assignLicense.userErrors).toEqual([
    expect.objectContaining({ code: 'CONFLICT', field: ['input', 'licenseKey'] }),
  ]);

  // The customers as a CSV file.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^customers-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.split('\r\n')[0]).toBe('email,name,licenses,products,first_assigned_at,last_assigned_at');
  expect(csv).toContain(`${ANA.email},${ANA.name},2,SmarterMail,`);
  expect(csv).toContain(`${BEN.email},${BEN.name},2,SmarterMail,`);

  // The README's picture of the page.
  await page.reload();
  await expect(customerRow(page, ANA.email)).toBeVisible();
  await page.setViewportSize(SCREENSHOT_VIEWPORT);
  await page.screenshot({ path: 'docs/screenshots/reselling.png', fullPage: true });
  await signOut(page);

  // The new customer's email, as the vendor reads it: the key and a link to choose a password, never a password.
  await openEmailAsVendor(page);
  const welcome = emailRows(page, ANA.email, 'and your Partner Portal account');
  await expect(welcome).toHaveCount(1);
  await welcome.getByRole('link').click();
  const textBody = emailTextBody(page);
  await expect(textBody).toContainText(fromRow);
  await expect(textBody).toContainText(`Hello ${ANA.name}`);
  await expect(textBody).toContainText('/set-password?token=');
  const text = await textBody.innerText();
  expect(text).not.toContain(DEMO_PASSWORD);
  expect(text).not.toMatch(/password\s*:/i);
  expect(text).not.toContain(fromCustomer);

  // The known customer's second license came in an email of its own, with the key and no account link.
  await page.goBack();
  const toAna = emailRows(page, ANA.email, 'Your SmarterMail license from');
  await expect(toAna).toHaveCount(2);
  await toAna.filter({ hasNotText: 'and your Partner Portal account' }).getByRole('link').click();
  await expect(textBody).toContainText(fromCustomer);
  await expect(textBody).not.toContainText('/set-password?token=');
});
