import { expect, test } from '@playwright/test';
import { openAndSignIn } from './session';

// The portal's pages run under its Content-Security-Policy (scripts from the portal only, no
// inline script, no framing): a walk through the main pages, with their charts, tables and
// dialogs' styles, makes the browser refuse nothing.

const OWNER = 'owner@reseller.example';
const PAGES = ['/', '/licenses', '/invoices', '/reselling', '/shop/smartermail', '/account'];

test('the main pages run under the content security policy without a violation', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/content security policy/i.test(message.text())) refused.push(message.text());
  });

  const response = await page.goto('/login');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['x-frame-options']).toBe('DENY');
  await openAndSignIn(page, OWNER);
  for (const path of PAGES) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }

  expect(refused).toEqual([]);
});
