import { expect, type Page } from '@playwright/test';

/** The password of every demo account (`partner-portal seed-demo`). */
export const DEMO_PASSWORD = process.env.PARTNER_PORTAL_DEMO_PASSWORD ?? 'demo-password';

/** Signs in on the login page the browser is on, and waits for the signed-in header. */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

/** Opens the login page and signs in. */
export async function openAndSignIn(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await signIn(page, email);
}

/** Signs out with the header's button and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
}

/** The fixed size of the README's screenshots. */
export const SCREENSHOT_VIEWPORT = { width: 1280, height: 800 };
