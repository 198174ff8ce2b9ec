import { defineConfig } from '@playwright/test';

import { profile } from './devcluster/src/config';
import { chromiumLaunchOptions } from './e2e/chromium';

const app = `http://127.0.0.1:${profile('test').ports.app}`;

// End-to-end tests drive Debian's Chromium (Playwright's own browser download is not available here)
// against the built dashboard served on the `test` profile of the local management cluster.
// The `setup` project signs each demo user in through the real OIDC flow and saves their state.
export default defineConfig({
  testDir: 'e2e',
  forbidOnly: !!process.env.CI,
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: app,
    testIdAttribute: 'data-testid',
    locale: 'en-US',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    { name: 'chromium', testMatch: /\.spec\.ts$/, dependencies: ['setup'] },
  ],
  webServer: {
    command: 'bash scripts/serve-app.sh test',
    url: `${app}/signin`,
    // Never a server left from another run: it may belong to a cluster that was reset since.
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
