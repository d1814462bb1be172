import { expect, test } from '@playwright/test';
import { signIn } from './session';

test('a partner signs in and browses the catalog from the dashboard', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'purchaser@reseller.example');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Shop' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Shop' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Shop' })).toHaveAttribute('aria-current', 'page');
  for (const product of ['SmarterMail', 'SmarterTrack', 'SmarterStats']) {
    await expect(page.getByRole('heading', { level: 2, name: product })).toBeVisible();
  }
  const mailPrices = page.getByRole('table', { name: 'SmarterMail list prices' });
  const enterprise = mailPrices.getByRole('row', { name: /^Enterprise/ });
  await expect(enterprise.getByRole('cell', { name: '$1,249.00' })).toBeVisible();
  const free = mailPrices.getByRole('row', { name: /^Free/ });
  await expect(free.getByRole('cell', { name: '$0.00' })).toBeVisible();

  // The README shows this page; taking the picture here keeps it current.
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: 'docs/screenshots/shop.png' });
});

test('a client-side route loads directly from the server, after signing in', async ({ page }) => {
  await page.goto('/licenses');

  await expect(page).toHaveURL(/\/login\?next=%2Flicenses$/);
  await signIn(page, 'viewer@reseller.example');

  await expect(page).toHaveURL(/\/licenses$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Licenses' })).toBeVisible();
  await expect(page).toHaveTitle('Licenses · Partner Portal');
});
