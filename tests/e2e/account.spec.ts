import { expect, test, type Page } from '@playwright/test';
import { openAndSignIn, SCREENSHOT_VIEWPORT, signIn, signOut } from './session';
import { emailRows, emailTextBody, openEmailAsVendor } from './steps';

test.use({ viewport: SCREENSHOT_VIEWPORT });

async function openAccountPage(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

test('an owner changes the company details and finds them saved after a reload', async ({ page }) => {
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/login.png' });

  await signIn(page, 'owner@reseller.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Company details' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Olivia Owner');
  await expect(page.getByRole('banner')).toContainText('Owner · Reseller Example Inc.');

  await page.getByLabel('Contact person').fill('Olivia Owner-Smith');
  await page.getByLabel('Phone').fill('+1 555 010 7777');
  await page.getByLabel('Address line 2').fill('Suite 400');
  await page.getByRole('checkbox', { name: 'A license is assigned to a customer' }).uncheck();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Company details saved.')).toBeVisible();

  await page.reload();

  await expect(page.getByLabel('Contact person')).toHaveValue('Olivia Owner-Smith');
  await expect(page.getByLabel('Phone')).toHaveValue('+1 555 010 7777');
  await expect(page.getByLabel('Address line 2')).toHaveValue('Suite 400');
  await expect(page.getByRole('checkbox', { name: 'A license is assigned to a customer' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'An invoice is created' })).toBeChecked();
  await page.screenshot({ path: 'docs/screenshots/account.png' });

  // A field the API refuses is marked, with the API's reason beside it.
  await page.getByLabel('Billing email').fill('not-an-address');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByLabel('Billing email')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('is not a valid email address')).toBeVisible();
});

test('an owner invites a person, the vendor reads the invitation, and its link signs the person in', async ({
  page,
  baseURL,
}) => {
  const email = `ivy.${Date.now()}@reseller.example`;
  await openAndSignIn(page, 'owner@reseller.example');
  await openAccountPage(page, 'People');
  // The README's picture: the demo account's people, before this test adds anyone.
  await expect(
    page.getByRole('table', { name: 'People of the account' }).getByRole('row', { name: /Carla Contact/ }),
  ).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/people.png' });

  await page.getByRole('button', { name: 'Add a person' }).click();
  const form = page.getByRole('form', { name: 'Add a person' });
  await form.getByLabel('Name').fill('Ivy Invited');
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Job title').fill('Support');
  await form.getByLabel('Access').selectOption({ label: 'Viewer: read everything, change nothing' });
  await form.getByRole('button', { name: 'Add person' }).click();

  await expect(page.getByText(`Ivy Invited was added and invited: an email to ${email}`)).toBeVisible();
  const row = page.getByRole('table', { name: 'People of the account' }).getByRole('row', { name: /Ivy Invited/ });
  await expect(row).toContainText(email);
  await expect(row).toContainText('Viewer');
  await expect(row).toContainText('Invited');

  await signOut(page);

  // The vendor reads the invitation in the app (the embedded default keeps mail in a folder).
  await openEmailAsVendor(page);
  const message = emailRows(page, email);
  await expect(message).toBeVisible();
  await message.getByRole('link').click();

  await expect(page.getByText(email, { exact: true })).toBeVisible();
  const textBody = emailTextBody(page);
  await expect(textBody).toContainText('/set-password?token=');
  const link = /https?:\/\/\S+\/set-password\?token=[\w-]+/.exec(await textBody.innerText())?.[0] ?? '';
  expect(link.startsWith(`${baseURL ?? ''}/set-password?token=`)).toBe(true);
  const html = page.frameLocator('iframe[sandbox=""]');
  await expect(html.locator(`a[href="${link}"]`).first()).toBeAttached();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Resellers' }).click();
  await expect(page.getByRole('row', { name: /Reseller Example Inc\./ })).toContainText('20.00%');
  await page.screenshot({ path: 'docs/screenshots/resellers.png' });
  await signOut(page);

  // The invited person follows the link and chooses a password: signed in, on the dashboard.
  await page.goto(link);
  await page.getByLabel('New password', { exact: true }).fill('ivy-chooses-a-long-password');
  await page.getByLabel('Confirm new password').fill('ivy-chooses-a-long-password');
  await page.getByRole('button', { name: 'Save password and sign in' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Ivy Invited');
  await expect(page.getByRole('banner')).toContainText('Viewer');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cart' })).toHaveCount(0);
});

test('when the session ends elsewhere, the next page asks to sign in and then comes back', async ({ page }) => {
  await openAndSignIn(page, 'purchaser@reseller.example');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Company details' })).toBeVisible();

  await page.context().clearCookies();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop' }).click();

  await expect(page).toHaveURL(/\/login\?next=%2Fshop$/);
  await signIn(page, 'purchaser@reseller.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Shop' })).toBeVisible();
});
