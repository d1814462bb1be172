import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD, openAndSignIn, signIn, signOut } from './session';

// Other specs sign in as the purchaser with the demo password, and every spec
// shares one server: the test changes the password back at its end, and should
// it fail half-way, afterEach does so through the API.
const PURCHASER = 'purchaser@reseller.example';
const NEW_PASSWORD = 'peter-picks-a-longer-one';
let passwordChanged = false;

async function openProfile(page: Page) {
  await page.getByRole('banner').getByRole('link', { name: 'Peter Purchaser (your profile)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your profile' })).toBeVisible();
}

async function changePassword(page: Page, current: string, next: string) {
  const form = page.getByRole('form', { name: 'Change password' });
  await form.getByLabel('Current password').fill(current);
  await form.getByLabel('New password', { exact: true }).fill(next);
  await form.getByLabel('Confirm new password').fill(next);
  await form.getByRole('button', { name: 'Change password' }).click();
}

async function graphql(request: APIRequestContext, baseURL: string, query: string, variables: object) {
  const response = await request.post('/graphql', {
    headers: { Origin: baseURL },
    data: { query, variables },
  });
  return (await response.json()) as { data?: Record<string, { userErrors: unknown[] } | null> };
}

test.afterEach(async ({ request, baseURL }) => {
  if (!passwordChanged) return;
  const origin = baseURL ?? '';
  await graphql(request, origin, 'mutation ($input: LoginInput!) { login(input: $input) { userErrors { message } } }', {
    input: { email: PURCHASER, password: NEW_PASSWORD },
  });
  const restored = await graphql(
    request,
    origin,
    'mutation ($input: ChangePasswordInput!) { changePassword(input: $input) { userErrors { message } } }',
    { input: { currentPassword: NEW_PASSWORD, newPassword: DEMO_PASSWORD } },
  );
  expect(restored.data?.changePassword?.userErrors).toEqual([]);
  passwordChanged = false;
});

test('a purchaser changes the password on the profile page, which signs out the other sessions', async ({
  page,
  browser,
  baseURL,
}) => {
  // A second browser signed in as the same person: its session ends with the change.
  const otherBrowser = await browser.newContext(baseURL === undefined ? {} : { baseURL });
  const elsewhere = await otherBrowser.newPage();
  await openAndSignIn(elsewhere, PURCHASER);

  await openAndSignIn(page, PURCHASER);
  await openProfile(page);
  const details = page.locator('dl.details');
  await expect(details).toContainText('NamePeter Purchaser');
  await expect(details).toContainText(`Email${PURCHASER}`);
  await expect(details).toContainText('RolePurchaser');
  await expect(details).toContainText('CompanyReseller Example Inc.');

  // The server's reason stands next to the field it names.
  await changePassword(page, 'not-the-password', NEW_PASSWORD);
  await expect(page.getByLabel('Current password')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The current password is not right.')).toBeVisible();

  await changePassword(page, DEMO_PASSWORD, NEW_PASSWORD);
  await expect(page.getByText('Your password was changed. Your other sessions were signed out')).toBeVisible();
  passwordChanged = true;
  await expect(page.getByLabel('Current password')).toHaveValue('');

  await elsewhere.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop' }).click();
  await expect(elsewhere).toHaveURL(/\/login\?next=%2Fshop$/);
  await otherBrowser.close();

  // This session stayed; after signing out only the new password signs in.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Shop' })).toBeVisible();
  await signOut(page);
  await page.getByLabel('Email').fill(PURCHASER);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('The email or password is not right.')).toBeVisible();
  await signIn(page, PURCHASER, NEW_PASSWORD);
  await expect(page.getByRole('banner')).toContainText('Peter Purchaser');

  // The demo password comes back for the other specs.
  await openProfile(page);
  await changePassword(page, NEW_PASSWORD, DEMO_PASSWORD);
  await expect(page.getByText('Your password was changed.')).toBeVisible();
  passwordChanged = false;
});
