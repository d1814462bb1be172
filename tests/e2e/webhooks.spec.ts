import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { openAndSignIn, SCREENSHOT_VIEWPORT } from './session';

test.use({ viewport: SCREENSHOT_VIEWPORT });

interface Received {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A partner's receiver on loopback: it records each request and answers `status`. */
class Receiver {
  readonly received: Received[] = [];
  status = 204;
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      this.received.push({
        headers: request.headers,
        body: Buffer.concat(chunks),
      });
      response.statusCode = this.status;
      response.end(this.status >= 300 ? 'receiver is down' : '');
    });
  });

  /** The request received `index`th (from 0). */
  request(index: number): Received {
    const request = this.received[index];
    if (!request)
      throw new Error(`the receiver got ${String(this.received.length)} requests, not ${String(index + 1)}`);
    return request;
  }

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${String(port)}/portal-hooks`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => {
      this.server.close(() => {
        resolve();
      });
    });
  }
}

/** The check docs/webhooks.md tells partners to make: HMAC-SHA256 of "<t>.<raw body>" within 300 s. */
function verifies(secret: string, request: Received): boolean {
  const header = String(request.headers['partner-portal-signature'] ?? '');
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > 300 || !parts.v1) return false;
  const expected = createHmac('sha256', secret)
    .update(`${String(timestamp)}.`)
    .update(request.body)
    .digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function eventOf(request: Received): { id: string; type: string } {
  return JSON.parse(request.body.toString('utf-8')) as {
    id: string;
    type: string;
  };
}

test('an owner adds a webhook endpoint; test events arrive signed, a failure is retried and a delivery redelivered', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const receiver = new Receiver();
  const url = await receiver.start();
  try {
    await openAndSignIn(page, 'owner@reseller.example');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Account' }).click();
    await page.getByRole('navigation', { name: 'Account' }).getByRole('link', { name: 'Webhooks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhooks' })).toBeVisible();

    // Add the endpoint: its secret is shown once.
    await page.getByRole('button', { name: 'Add an endpoint' }).click();
    const form = page.getByRole('form', { name: 'Add an endpoint' });
    await form.getByLabel('URL').fill(url);
    await form.getByLabel('Description').fill('Web shop');
    await form.getByRole('checkbox', { name: 'invoice.paid' }).check();
    await form.getByRole('button', { name: 'Add endpoint' }).click();
    const panel = page.getByRole('region', {
      name: `Copy the secret of “${url}” now`,
    });
    const secret = await panel.getByLabel('Secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await panel.getByRole('button', { name: 'I have stored the secret' }).click();
    await expect(page.getByText(secret)).toHaveCount(0);

    const table = page.getByRole('table', {
      name: 'Webhook endpoints of the account',
    });
    const row = table.getByRole('row', { name: new RegExp(url) });
    await expect(row).toContainText('order.completed');
    await expect(row).toContainText('invoice.paid');
    await expect(row).toContainText('Enabled');
    await row.getByRole('link', { name: url }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Webhook endpoint' })).toBeVisible();

    // A test event arrives once, signed with the secret shown.
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await expect(page.getByText(/A webhook.test event is on its way/)).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(1);
    const first = receiver.request(0);
    expect(eventOf(first).type).toBe('webhook.test');
    expect(verifies(secret, first)).toBe(true);
    expect(verifies('whsec_another', first)).toBe(false);
    const log = page.getByRole('table', { name: 'Deliveries to the endpoint' });
    const firstRow = log.getByRole('row', {
      name: new RegExp(eventOf(first).id),
    });
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(firstRow).toContainText('Delivered', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(firstRow).toContainText('HTTP 204');

    // The receiver fails: the delivery is logged with the answer and tried again.
    receiver.status = 500;
    await page.getByRole('button', { name: 'Send a test event' }).click();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(2);
    const failing = eventOf(receiver.request(1)).id;
    const failingRow = log.getByRole('row', { name: new RegExp(failing) });
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(failingRow).toContainText('HTTP 500', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(failingRow).toContainText('Pending');
    await expect(failingRow).toContainText('receiver is down');
    // the retry, about 10 seconds later, carries the same event and a valid signature
    await expect.poll(() => receiver.received.length, { timeout: 40_000 }).toBe(3);
    const retry = receiver.request(2);
    expect(eventOf(retry).id).toBe(failing);
    expect(verifies(secret, retry)).toBe(true);
    receiver.status = 204;
    await expect.poll(() => receiver.received.length, { timeout: 60_000 }).toBe(4);
    await expect(async () => {
      await page.getByRole('button', { name: 'Refresh' }).click();
      await expect(failingRow).toContainText('Delivered', { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(failingRow).toContainText('3 attempts');
    await failingRow.getByText('Attempts and body').click();
    await expect(failingRow.getByRole('list', { name: `Attempts of ${failing}` }).getByRole('listitem')).toHaveCount(3);
    await page.screenshot({
      path: 'docs/screenshots/webhooks.png',
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: 1400 },
    });

    // Redeliver sends the same event again.
    await firstRow.getByRole('button', { name: `Redeliver ${eventOf(first).id}` }).click();
    await expect(page.getByText(`${eventOf(first).id} is queued to be sent again.`)).toBeVisible();
    await expect.poll(() => receiver.received.length, { timeout: 20_000 }).toBe(5);
    expect(eventOf(receiver.request(4)).id).toBe(eventOf(first).id);
    expect(verifies(secret, receiver.request(4))).toBe(true);

    // The list tells how the endpoint is doing: its last delivery went through.
    await page.getByRole('link', { name: 'Back to webhooks' }).click();
    await expect(async () => {
      await page.reload();
      await expect(row).toContainText('Delivered', { timeout: 1_000 });
      await expect(row).not.toContainText('pending', { timeout: 1_000 }); // the redelivery is done
    }).toPass({ timeout: 20_000 });
    await expect(row).toContainText('HTTP 204');
    await row.getByRole('link', { name: url }).click();

    // Deleting the endpoint returns to the list, which no longer shows it.
    await page.getByRole('button', { name: `Delete ${url}` }).click();
    await page.getByRole('button', { name: 'Yes, delete' }).click();
    await expect(page.getByText(`${url} was deleted.`)).toBeVisible();
    await expect(page.getByRole('link', { name: url })).toHaveCount(0);
  } finally {
    await receiver.stop();
  }
});
