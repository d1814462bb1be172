import { expect, test, type Page } from '@playwright/test';
import { openAndSignIn } from './session';

const LABEL = 'Enterprise, 1000 sites list price';

/** Sets one SmarterStats list price on the Catalog page and waits until it is saved. */
async function setPrice(page: Page, amount: string): Promise<void> {
  const stats = page.getByRole('region', { name: 'SmarterStats' });
  await stats.getByLabel(LABEL).fill(amount);
  await stats.getByRole('button', { name: `Save ${LABEL}` }).click();
  await expect(page.getByRole('status').filter({ hasText: `SmarterStats: ${LABEL} saved.` })).toBeVisible();
}

test('the vendor changes a list price and partners see it in the Shop', async ({ page, browser }) => {
  // given the vendor admin on the Catalog page
  await openAndSignIn(page, 'admin@example.com');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Catalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Catalog' })).toBeVisible();
  const price = page.getByRole('region', { name: 'SmarterStats' }).getByLabel(LABEL);
  const original = await price.inputValue();
  expect(original).not.toBe('');

  // when the vendor sets a new price
  await setPrice(page, '1234.50');

  // then a partner's Shop shows it
  const partner = await browser.newContext();
  try {
    const shop = await partner.newPage();
    await openAndSignIn(shop, 'purchaser@reseller.example');
    await shop.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Shop' }).click();
    const prices = shop.getByRole('table', { name: 'SmarterStats list prices' });
    const enterprise = prices.getByRole('row', { name: /^Enterprise/ });
    await expect(enterprise.getByRole('cell', { name: '$1,234.50' })).toBeVisible();
  } finally {
    await partner.close();
  }

  // and an amount that is not a price is explained on its field
  const stats = page.getByRole('region', { name: 'SmarterStats' });
  await stats.getByLabel(LABEL).fill('-5');
  await stats.getByRole('button', { name: `Save ${LABEL}` }).click();
  await expect(stats.getByLabel(LABEL)).toHaveAttribute('aria-invalid', 'true');

  // the other specs expect the sample price
  await setPrice(page, original);
});
