import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

// End-to-end tests against the real backend serving the built SPA.
// Run `npm run build` first: the backend serves frontend/dist.
const port = Number(process.env.PARTNER_PORTAL_E2E_PORT ?? '8765');
const baseURL = `http://127.0.0.1:${port}`;

// Browsers cannot be downloaded here: use the system Chromium when there is one.
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PARTNER_PORTAL_CHROMIUM;
  if (fromEnv) return fromEnv;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath === undefined ? {} : { executablePath }),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'bash tests/e2e/serve.sh',
    url: `${baseURL}/healthz`,
    env: { PARTNER_PORTAL_E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
