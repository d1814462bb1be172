import { expect, type Locator, type Page } from '@playwright/test';
import { signIn } from './session';

// Steps through the app that several specs take.

/** A text as a regular expression's source that matches it literally (a key, an email address). */
export function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens the cart and removes every line, whatever an earlier test left in it. */
export async function emptyCart(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Cart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cart' })).toBeVisible();
  const empty = page.getByText('Your cart is empty.');
  const removeButtons = page.getByRole('button', { name: /^Remove / });
  await expect(empty.or(removeButtons.first())).toBeVisible();
  for (let count = await removeButtons.count(); count > 0; count -= 1) {
    await removeButtons.first().click();
    await expect(removeButtons).toHaveCount(count - 1);
  }
  await expect(empty).toBeVisible();
}

/**
 * Signs in as the vendor on the login page the browser is on and opens the Email page, where the
 * vendor reads every message the app sent (the embedded default keeps mail in a folder).
 */
export async function openEmailAsVendor(page: Page): Promise<void> {
  await signIn(page, 'admin@example.com');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Email' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Email' })).toBeVisible();
}

/** The Email page's rows of messages to this address, and with this text in the row (the subject) when given. */
export function emailRows(page: Page, to: string, subject?: string): Locator {
  const pattern = subject === undefined ? escaped(to) : `${escaped(to)}.*${escaped(subject)}`;
  return page.getByRole('row', { name: new RegExp(pattern) });
}

/** The text body of the message opened from the Email page. */
export function emailTextBody(page: Page): Locator {
  return page.getByRole('region', { name: 'Text body' });
}
