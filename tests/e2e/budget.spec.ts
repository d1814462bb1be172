import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

// The JavaScript budget: what the browser loads before the first page's own code (the entry
// script and the modules index.html preloads), gzipped, stays under 150 KB. Each page's code loads
// on first visit (App.tsx), so it does not count here; the sign-in page as a whole is checked too.

const BUDGET_BYTES = 150 * 1024;
const DIST = join(import.meta.dirname, '..', '..', 'frontend', 'dist');

function gzippedSize(content: Buffer): number {
  return gzipSync(content, { level: 9 }).byteLength;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The entry script and every preloaded module of the built index.html, as paths under dist. */
function initialScripts(html: string): string[] {
  const entry = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)].map((match) => match[1] ?? '');
  const preloaded = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
    (match) => match[1] ?? '',
  );
  return [...entry, ...preloaded];
}

test('the initial JavaScript, gzipped, stays under 150 KB', () => {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = initialScripts(html);
  expect(scripts.length, 'index.html names an entry script').toBeGreaterThan(0);

  const sizes = scripts.map((src) => ({ src, bytes: gzippedSize(readFileSync(join(DIST, src))) }));
  const total = sizes.reduce((sum, { bytes }) => sum + bytes, 0);
  console.log(
    [
      `Initial JavaScript, gzipped: ${kilobytes(total)} of ${kilobytes(BUDGET_BYTES)}`,
      ...sizes.map(({ src, bytes }) => `  ${kilobytes(bytes).padStart(9)}  ${src}`),
    ].join('\n'),
  );
  expect(total, `initial JavaScript ${kilobytes(total)} gzipped, budget ${kilobytes(BUDGET_BYTES)}`).toBeLessThan(
    BUDGET_BYTES,
  );
});

test('the sign-in page loads less than 150 KB of JavaScript, gzipped', async ({ page }) => {
  const bodies: Promise<{ url: string; bytes: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') {
      bodies.push(response.body().then((body) => ({ url: new URL(response.url()).pathname, bytes: gzippedSize(body) })));
    }
  });
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const scripts = await Promise.all(bodies);
  const total = scripts.reduce((sum, { bytes }) => sum + bytes, 0);
  console.log(`Sign-in page JavaScript, gzipped: ${kilobytes(total)} in ${scripts.length} files`);
  expect(total).toBeLessThan(BUDGET_BYTES);
});
