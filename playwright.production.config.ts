import { defineConfig } from '@playwright/test';

import base from './playwright.config';

// The production run (scripts/serve-replicas.sh): same sign-in setup, then the smoke test, against
// two standalone replicas behind a round-robin proxy on the test profile's app port.
export default defineConfig({
  ...base,
  workers: 1,
  projects: [
    { name: 'setup', testMatch: /auth\.setup\.ts$/ },
    { name: 'production', testMatch: /\.smoke\.ts$/, dependencies: ['setup'] },
  ],
  webServer: {
    command: 'bash scripts/serve-replicas.sh test',
    url: `${String(base.use?.baseURL)}/signin`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
