// End-to-end tests: the release build in dist/, served on 127.0.0.1, in Debian's Chromium at
// a phone viewport. Never downloads a browser.
import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { LAUNCH, PHONE } from '../chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// E2E_PORT and DIST let two builds be tested side by side.
export const PORT = Number(process.env.E2E_PORT || 4510);

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs$/,
  outputDir: path.join(root, 'target/e2e-results'),
  timeout: 45_000,
  expect: { timeout: 7_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    ...PHONE,
    serviceWorkers: 'allow',
    launchOptions: LAUNCH,
  },
  webServer: {
    command: `python3 tests/e2e/server.py ${PORT}`,
    cwd: root,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
