// Shared test set-up: every page and context records its requests, and each test fails if
// anything went to an origin other than the test server's.
import { test as base, expect } from '@playwright/test';
import { PHONE } from '../chromium.mjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const ORIGIN = `http://127.0.0.1:${process.env.E2E_PORT || 4510}`;

function allowed(url) {
  return url.startsWith(ORIGIN + '/') || url.startsWith('data:') || url.startsWith('blob:');
}

/** Console errors a test may expect: resources it deliberately made unreachable. A test that
 * provokes one on purpose lists it in `expectedConsoleErrors`. */
const TOLERATED = [/Failed to load resource/];

/** Records uncaught exceptions (a wasm panic aborts with one) and console errors of a page. */
function watchErrors(page, errors) {
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !TOLERATED.some((re) => re.test(m.text()))) errors.push(`console.error: ${m.text()}`);
  });
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
  // Every test fails on an uncaught error or a console error in any of its pages, unless it
  // matches a pattern the test expects (push RegExps onto `expectedConsoleErrors`).
  expectedConsoleErrors: async ({}, use) => {
    await use([]);
  },
  pageErrors: [
    async ({ expectedConsoleErrors }, use) => {
      const errors = [];
      await use(errors);
      const unexpected = errors.filter((e) => !expectedConsoleErrors.some((re) => re.test(e)));
      expect(unexpected, 'uncaught errors and console errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  context: async ({ context, foreignRequests, pageErrors }, use) => {
    context.on('request', (r) => {
      if (!allowed(r.url())) foreignRequests.push(r.url());
    });
    context.on('page', (p) => watchErrors(p, pageErrors));
    await use(context);
  },
  // A second context (another person's phone), with the same request and error checks.
  newPhone: async ({ browser, foreignRequests, pageErrors }, use) => {
    const made = [];
    await use(async (options = {}) => {
      const ctx = await browser.newContext({ baseURL: ORIGIN + '/', ...PHONE, ...options });
      ctx.on('request', (r) => {
        if (!allowed(r.url())) foreignRequests.push(r.url());
      });
      ctx.on('page', (p) => watchErrors(p, pageErrors));
      made.push(ctx);
      return ctx;
    });
    for (const ctx of made) await ctx.close();
  },
});

export { expect };

/** Safari on an iPhone, as its user agent says. */
export const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

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

/** Creates an event from the Events tab, as a user would, and waits for its page. */
export async function createEvent(page, name) {
  await page.getByRole('link', { name: 'Events' }).click();
  await page.getByRole('textbox', { name: 'Event name' }).fill(name);
  await page.getByRole('button', { name: 'Create event' }).click();
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

/**
 * A screenshot of a page or an element, named `name`. A test run writes it under
 * target/e2e-results/screenshots, so running the suite leaves the tree clean; the README's
 * pictures in docs/screenshots are refreshed on purpose by `./scripts/screenshots`
 * (CG_SCREENSHOTS=1).
 */
export async function shot(target, name) {
  const dir = process.env.CG_SCREENSHOTS === '1' ? path.join(ROOT, 'docs/screenshots') : path.join(ROOT, 'target/e2e-results/screenshots');
  const file = path.join(dir, `${name}.png`);
  if (typeof target.goto === 'function') await target.screenshot({ path: file, fullPage: false });
  else await target.screenshot({ path: file });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Axe-scans the page as it is (serious and critical findings fail) and checks that nothing
 * scrolls sideways. The page's context needs `bypassCSP: true`: axe is injected as a script,
 * which the app's own CSP rightly forbids.
 */
export async function axeClean(page, name) {
  await page.addScriptTag({ path: AXE });
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
  expect(found, name).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} scrolls sideways`).toBeLessThanOrEqual(0);
}
