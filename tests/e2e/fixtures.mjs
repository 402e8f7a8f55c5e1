// Shared test set-up: every page and context records its requests, and each test fails if
// anything went to an origin other than the test server's.
import { test as base, expect } from '@playwright/test';
import { PHONE } from '../chromium.mjs';

export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT || 4510}`;

function allowed(url) {
  return url.startsWith(ORIGIN + '/') || url.startsWith('data:') || url.startsWith('blob:');
}

export const test = base.extend({
  foreignRequests: [
    async ({}, use) => {
      const foreign = [];
      await use(foreign);
      expect(foreign, 'requests to other origins').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, foreignRequests }, use) => {
    context.on('request', (r) => {
      if (!allowed(r.url())) foreignRequests.push(r.url());
    });
    await use(context);
  },
  // A second context (another person's phone), with the same request check.
  newPhone: async ({ browser, foreignRequests }, use) => {
    const made = [];
    await use(async (options = {}) => {
      const ctx = await browser.newContext({ baseURL: ORIGIN + '/', ...PHONE, ...options });
      ctx.on('request', (r) => {
        if (!allowed(r.url())) foreignRequests.push(r.url());
      });
      made.push(ctx);
      return ctx;
    });
    for (const ctx of made) await ctx.close();
  },
});

export { expect };

/** Opens the app and waits until the wasm has mounted it. */
export async function openApp(page, hash = '#/', base = '/') {
  await page.goto(base + hash);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** Waits until a service worker controls the page, so later loads can come from it. */
export async function waitForServiceWorker(page) {
  // waitForFunction does not await a promise (a pending one counts as truthy): check the
  // controller synchronously.
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, {
    timeout: 20_000,
  });
}

/** Adds a person through the form, as a user would. */
export async function addPerson(page, { name, what = '', interests = [], notes = '' }) {
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  if (what) await page.getByRole('textbox', { name: 'What they do' }).fill(what);
  for (const i of interests) {
    await page.getByRole('textbox', { name: 'Add interest' }).fill(i);
    await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  }
  if (notes) await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * Replaces the stored data with `records` ({ key: value-object }) and reloads, as if the app had
 * saved them. Values are stored as JSON, like the app does.
 */
export async function seed(page, records) {
  await openApp(page);
  await page.evaluate((records) => {
    localStorage.clear();
    localStorage.setItem('cg.schema', '1');
    for (const [k, v] of Object.entries(records)) localStorage.setItem(k, JSON.stringify(v));
  }, records);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

/** A stored person record. */
export function person(id, name, interests, extra = {}) {
  return [`cg.p.${id}`, { id, name, interests, created: 1, updated: 1, ...extra }];
}

/** Fills localStorage with filler entries until fewer than 16 characters of quota are left. */
export async function fillStorage(page) {
  await page.evaluate(() => {
    let chunk = 'x'.repeat(1 << 20);
    let i = 0;
    while (chunk.length >= 16) {
      try {
        localStorage.setItem(`filler.${i++}`, chunk);
      } catch {
        chunk = chunk.slice(0, chunk.length >> 1);
      }
    }
  });
}
