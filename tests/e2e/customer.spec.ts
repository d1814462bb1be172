import { expect, test } from '@playwright/test';
import { activateLicense } from './api';
import { openAndSignIn } from './session';

// The demo customer owns one license of the first demo reseller, assigned by the demo data.

const CUSTOMER = 'customer@example.com';
const LICENSE_KEY = /^[A-Z0-9]{6}(-[A-Z0-9]{6}){5}$/;

test('a customer sees its own license, key and M&S, and nothing of the reseller’s business', async ({ page }) => {
  await openAndSignIn(page, CUSTOMER);

  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1, name: 'My licenses' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link')).toHaveText(['My licenses']);

  const license = page.getByRole('region', { name: 'SmarterMail Enterprise, 1000 mailboxes' });
  const key = (await license.locator('code').first().textContent()) ?? '';
  expect(key).toMatch(LICENSE_KEY);
  await expect(license.getByRole('button', { name: `Copy key ${key}` })).toBeVisible();
  await expect(license).toContainText(/Maintenance & Support until\s*\w{3} \d{1,2}, \d{4}\s*Active/);
  await expect(license).toContainText('Sold by');
  await expect(license).toContainText('Reseller Example Inc.');
  await expect(license).toContainText('Not activated on any server yet.');
  await expect(page.getByRole('main')).not.toContainText(/order|invoice/i);

  // Pages of the reseller's business are not for customers.
  for (const path of ['/shop', '/licenses', '/orders']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: 'Not available for your role' })).toBeVisible();
  }

  // Its server activates the key; the customer frees the key again.
  await activateLicense(page, key, 'mail.customer.example');
  await nav.getByRole('link', { name: 'My licenses' }).click();
  const installation = license.getByRole('row', { name: /^mail\.customer\.example/ });
  await expect(installation).toContainText('Active');

  await installation.getByRole('button', { name: 'Deactivate mail.customer.example' }).click();
  await installation.getByRole('button', { name: 'Yes, deactivate' }).click();
  // the confirmation is a toast, in the page's status region
  await expect(page.getByRole('status').getByText('mail.customer.example is deactivated')).toBeVisible();
  await expect(installation).toContainText('Deactivated');
});
