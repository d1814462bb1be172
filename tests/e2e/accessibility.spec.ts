import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openAndSignIn } from './session';
import { emptyCart } from './steps';

// Accessibility and layout of every page of the app (the routes of frontend/src/App.tsx), for each
// role that sees it: axe-core finds no serious or critical violation, in the light and the dark
// colour scheme, on a desktop and on a 768-pixel-wide tablet, where no page scrolls sideways (a
// wide table scrolls in its own box). Detail pages are opened with an id read from a list page.
// Dialogs are checked open, and keep the keyboard inside until Escape closes them.

const ADMIN = 'admin@example.com';
const OWNER = 'owner@reseller.example';
const CUSTOMER = 'customer@example.com';

const DESKTOP = { width: 1280, height: 800 };
const TABLET = { width: 768, height: 1024 };
const SCHEMES = ['light', 'dark'] as const;
const WIDTHS = [DESKTOP, TABLET] as const;
const BLOCKING = new Set(['serious', 'critical']);

test.describe.configure({ timeout: 300_000 });

/** One problem found on a page, as the failure message prints it. */
type Problem = string;

/** The serious and critical axe violations of what the page shows now, one readable line per element. */
async function axeProblems(page: Page, where: string, include?: string): Promise<Problem[]> {
  // the HTML body of an email is shown in a sandboxed frame that scripts (axe) cannot enter
  let builder = new AxeBuilder({ page }).setLegacyMode().options({ iframes: false });
  if (include !== undefined) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${where}: [${violation.impact ?? ''}] ${violation.id} (${violation.help}) at ${node.target.join(' ')}\n` +
          `    ${node.failureSummary?.replaceAll('\n', '\n    ') ?? ''}`,
      ),
    );
}

/** Waits until the page has its heading and nothing is loading any more. */
async function settled(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await expect(page.getByText(/^Loading\b/)).toHaveCount(0);
}

/** Lets the page lay itself out again (after a new width or colour scheme). */
async function nextFrames(page: Page): Promise<void> {
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}

/** How much wider than the window the page is (0: it does not scroll sideways). */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/** Checks the page the browser shows in both schemes at both widths; answers what is wrong. */
async function checkShownPage(page: Page, name: string, include?: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    for (const colorScheme of SCHEMES) {
      await page.emulateMedia({ colorScheme });
      await nextFrames(page);
      const where = `${name} (${colorScheme}, ${viewport.width}px)`;
      problems.push(...(await axeProblems(page, where, include)));
      if (viewport === TABLET && colorScheme === 'light') {
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) problems.push(`${where}: the page scrolls sideways by ${overflow}px`);
      }
    }
  }
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'light' });
  return problems;
}

/** Opens each path and checks it; answers every problem found. */
async function checkPaths(page: Page, who: string, paths: readonly string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const path of paths) {
    await test.step(`${who}: ${path}`, async () => {
      await page.goto(path);
      await settled(page);
      problems.push(...(await checkShownPage(page, `${who} ${path}`)));
    });
  }
  return problems;
}

/** The address of the first link on a list page whose address matches (a detail page with a real id). */
async function firstDetailPath(page: Page, listPath: string, href: RegExp): Promise<string> {
  await page.goto(listPath);
  await settled(page);
  const hrefs = await page.evaluate<string[]>(
    "[...document.querySelectorAll('main a[href]')].map((link) => link.getAttribute('href'))",
  );
  const found = hrefs.find((candidate) => href.test(candidate));
  expect(found, `a link matching ${String(href)} on ${listPath}`).toBeDefined();
  return found ?? '';
}

function report(problems: readonly Problem[]): void {
  expect(problems, `accessibility and layout problems:\n${problems.join('\n')}`).toEqual([]);
}

/** Opens a dialog with its button, checks it, then that Tab stays in it and Escape closes it. */
async function checkDialog(page: Page, opener: Locator, name: string | RegExp, where: string): Promise<Problem[]> {
  await opener.click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  const problems = await checkShownPage(page, where, 'dialog[open]');
  for (let step = 0; step < 12; step += 1) {
    await page.keyboard.press(step % 3 === 2 ? 'Shift+Tab' : 'Tab');
    const inside = await page.evaluate<boolean>("Boolean(document.activeElement?.closest('dialog[open]'))");
    if (!inside) problems.push(`${where}: Tab moved the focus out of the open dialog`);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  return problems;
}

test('the sign-in pages', async ({ page }) => {
  report(await checkPaths(page, 'anonymous', ['/login', '/forgot-password', '/set-password?token=not-a-real-token']));
});

test('every page of the vendor', async ({ page }) => {
  await openAndSignIn(page, ADMIN);
  const details = [
    await firstDetailPath(page, '/licenses', /^\/licenses\/(?!modify)[^/?]+$/),
    await firstDetailPath(page, '/orders', /^\/orders\/(?!confirmation)[^/?]+$/),
    await firstDetailPath(page, '/invoices', /^\/invoices\/[^/?]+$/),
    await firstDetailPath(page, '/resellers', /^\/resellers\/[^/?]+$/),
    await firstDetailPath(page, '/emails', /^\/emails\/[^/?]+$/),
  ];
  const problems = await checkPaths(page, 'vendor', [
    '/',
    '/shop',
    '/licenses',
    '/orders',
    '/invoices',
    '/payments',
    '/billing',
    '/resellers',
    '/catalog',
    '/emails',
    '/audit-log',
    '/profile',
    '/no-such-page',
    ...details,
  ]);

  // The vendor records a payment and emails an invoice, in dialogs.
  await page.goto('/invoices');
  await settled(page);
  await page.getByRole('main').getByRole('link', { name: /^INV-/ }).first().click();
  await settled(page);
  problems.push(
    ...(await checkDialog(page, page.getByRole('button', { name: 'Email', exact: true }), /^Email invoice/, 'vendor email invoice dialog')),
  );
  report(problems);
});

test('every page of a reseller’s owner', async ({ page }) => {
  await openAndSignIn(page, OWNER);
  const details = [
    await firstDetailPath(page, '/licenses', /^\/licenses\/(?!modify)[^/?]+$/),
    await firstDetailPath(page, '/orders', /^\/orders\/(?!confirmation)[^/?]+$/),
    await firstDetailPath(page, '/invoices', /^\/invoices\/[^/?]+$/),
    await firstDetailPath(page, '/account/people', /^\/account\/people\/[^/?]+$/),
  ];
  const orderId = (details[1] ?? '').split('/').pop() ?? '';
  const problems = await checkPaths(page, 'owner', [
    '/',
    '/shop',
    '/shop/smartermail',
    '/licenses',
    '/licenses/modify',
    '/reselling',
    '/orders',
    '/invoices',
    '/payments',
    '/account',
    '/account/people',
    '/account/mailing-lists',
    '/account/api-keys',
    '/account/webhooks',
    '/account/audit-log',
    '/profile',
    '/cart',
    `/orders/confirmation/${orderId}`,
    ...details,
  ]);

  // The cart and the checkout with something in them.
  await page.goto('/shop/smartermail');
  await settled(page);
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByRole('region', { name: 'Added to your cart' })).toBeVisible();
  problems.push(...(await checkShownPage(page, 'owner product added to cart')));
  problems.push(...(await checkPaths(page, 'owner with a cart', ['/cart', '/checkout'])));
  await page.goto('/');
  await emptyCart(page);

  // Assigning a license and paying an invoice, in dialogs.
  await page.goto('/reselling');
  await settled(page);
  const assign = page.getByRole('button', { name: /^Assign license/ }).first();
  if ((await assign.count()) > 0) {
    problems.push(...(await checkDialog(page, assign, 'Assign license', 'owner assign license dialog')));
  } else {
    problems.push('owner /reselling: no Assign license button to open the dialog with');
  }
  await page.goto('/invoices');
  await settled(page);
  await page
    .getByRole('region', { name: 'Unpaid Invoices' })
    .getByRole('link', { name: /^INV-/ })
    .first()
    .click();
  await settled(page);
  problems.push(
    ...(await checkDialog(page, page.getByRole('button', { name: 'Pay', exact: true }), /^Pay invoice/, 'owner pay invoice dialog')),
  );
  report(problems);
});

test('the webhook pages of an owner, with an endpoint and a failed delivery in its log', async ({ page }) => {
  await openAndSignIn(page, OWNER);
  await page.goto('/account/webhooks');
  await settled(page);
  await page.getByRole('button', { name: 'Add an endpoint' }).click();
  const problems = await checkShownPage(page, 'owner add webhook endpoint form');
  const url = 'http://127.0.0.1:9/nowhere'; // nothing listens there: every attempt fails
  await page.getByLabel('URL').fill(url);
  await page.getByRole('button', { name: 'Add endpoint' }).click();
  await expect(page.getByRole('region', { name: /^Copy the secret of/ })).toBeVisible();
  problems.push(...(await checkShownPage(page, 'owner webhook secret shown once')));
  await page.getByRole('button', { name: 'I have stored the secret' }).click();
  await page.getByRole('link', { name: url }).click();
  await page.getByRole('button', { name: 'Send a test event' }).click();
  const log = page.getByRole('table', { name: 'Deliveries to the endpoint' });
  await expect(async () => {
    await page.getByRole('button', { name: 'Refresh' }).click();
    await expect(log).toContainText('No response', { timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await log.getByText('Attempts and body').first().click();
  problems.push(...(await checkShownPage(page, 'owner webhook endpoint with its log')));
  await page.getByRole('button', { name: `Delete ${url}` }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText(`${url} was deleted.`)).toBeVisible();
  report(problems);
});

test('every page of a customer', async ({ page }) => {
  await openAndSignIn(page, CUSTOMER);
  report(await checkPaths(page, 'customer', ['/', '/profile', '/no-such-page']));
});
