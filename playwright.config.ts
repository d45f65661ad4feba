import { defineConfig } from '@playwright/test';

// Service-worker requests only reach context 'request' events with this switch; the
// "no network request" tests depend on it.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export default defineConfig({
  testDir: 'tests/e2e',
  // Two cores: one worker keeps persistent extension contexts from starving each other.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
