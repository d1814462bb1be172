import { expect, test } from '@playwright/test';

test('a partner browses the catalog from the dashboard', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Main' });

  await nav.getByRole('link', { name: 'Shop' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Shop' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Shop' })).toHaveAttribute('aria-current', 'page');
  for (const product of ['SmarterMail', 'SmarterTrack', 'SmarterStats']) {
    await expect(page.getByRole('heading', { level: 2, name: product })).toBeVisible();
  }
  const mailPrices = page.getByRole('table', { name: 'SmarterMail list prices' });
  await expect(
    mailPrices.getByRole('cell', { name: /^\$\d{1,3}(,\d{3})*\.\d{2}$/ }).first(),
  ).toBeVisible();
});

test('a client-side route loads directly from the server', async ({ page }) => {
  await page.goto('/licenses');

  await expect(page.getByRole('heading', { level: 1, name: 'Licenses' })).toBeVisible();
  await expect(page).toHaveTitle('Licenses · Partner Portal');
});
