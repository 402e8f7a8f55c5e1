// The foundation: persistence, offline use through the service worker, deep links, storage
// failures, sub-path hosting, the update hand-off and the page's own security rules.
import { test, expect, openApp, waitForServiceWorker, addPerson, fillStorage, ORIGIN } from './fixtures.mjs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { LAUNCH, PHONE } from '../chromium.mjs';
import crypto from 'node:crypto';

async function setMyMap(page, name, interests) {
  await page.getByRole('link', { name: 'My map' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  for (const i of interests) {
    await page.getByRole('textbox', { name: 'Add interest' }).fill(i);
    await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  }
}

async function storedKeys(page) {
  return page.evaluate(() => Object.keys(localStorage).sort());
}

test('my map and a new person survive a reload', async ({ page }) => {
  await openApp(page);
  await setMyMap(page, 'Claire', ['Running', 'Custard creams']);
  await addPerson(page, { name: 'Meg', what: 'Garden design', interests: ['run'], notes: 'Daughter at St Mary’s' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Meg' })).toBeVisible();
  await expect(page.getByText('Daughter at St Mary’s')).toBeVisible();
  await page.getByRole('link', { name: 'My map' }).click();
  await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue('Claire');
  await expect(page.getByRole('textbox', { name: 'Edit Running' })).toHaveValue('Running');
  await expect(page.getByRole('textbox', { name: 'Edit Custard creams' })).toHaveValue('Custard creams');
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('link', { name: /Meg/ })).toBeVisible();
});

test('works offline after the first visit: reload, add, reload', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await addPerson(page, { name: 'Ada Online' });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Ada Online' })).toBeVisible();
  await addPerson(page, { name: 'Bea Offline', interests: ['knitting'] });
  await page.reload();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('link', { name: /Ada Online/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Bea Offline/ })).toBeVisible();
});

test('control: with service workers blocked, an offline reload fails', async ({ newPhone }) => {
  const ctx = await newPhone({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await openApp(page);
  // Once the chunks a first visit fetches after Home have arrived: cut off in the middle of
  // one, the split loader reports the failed fetch on the console, which fails any test here.
  await page.waitForLoadState('networkidle');
  await ctx.setOffline(true);
  await expect(page.reload()).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
});

test('a deep link to a person opens directly, online and offline', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await addPerson(page, { name: 'Deep Dora', what: 'Bookkeeping' });
  const url = page.url();
  expect(url).toMatch(/#\/people\/[0-9a-z]+$/);
  const fresh = await context.newPage();
  await fresh.goto(url);
  await expect(fresh.getByRole('heading', { level: 1, name: 'Deep Dora' })).toBeVisible();
  await context.setOffline(true);
  const offline = await context.newPage();
  await offline.goto(url);
  await expect(offline.getByRole('heading', { level: 1, name: 'Deep Dora' })).toBeVisible();
  await expect(offline.getByText('Bookkeeping')).toBeVisible();
});

test('the back button and an unknown route behave', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Events' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await page.goto('/#/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Nothing here' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to Home' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
});

test('entries of another app on this origin, even with NUL characters, do not disturb loading', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    localStorage.setItem('cg.schema', '1');
    localStorage.setItem('other.app\u0000key', 'a\u0000b\u0000c');
    localStorage.setItem('cg.p.nul1', JSON.stringify({ id: 'nul1', name: 'Nadia Null', created: 1, updated: 1 }));
    localStorage.setItem('cg.p.nul2', JSON.stringify({ id: 'nul2', name: 'Ned Zero', notes: 'tab\tand \u00e9', created: 2, updated: 2 }));
  });
  await page.reload();
  await openApp(page, '#/people');
  await expect(page.getByRole('link', { name: /Nadia Null/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Ned Zero/ })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('other.app\u0000key'))).toBe('a\u0000b\u0000c');
});

test('corrupt stored JSON is set aside under a quarantine key and reported', async ({ page }) => {
  // Mount first, so the app reads storage only on the reload below.
  await openApp(page);
  const raw = '{"id":"abc","name":"Half a rec';
  await page.evaluate((raw) => {
    localStorage.setItem('cg.schema', '1');
    localStorage.setItem('cg.p.abc', raw);
    localStorage.setItem('cg.p.ok1', JSON.stringify({ id: 'ok1', name: 'Intact Irene', created: 1, updated: 1 }));
  }, raw);
  await page.reload();
  await openApp(page, '#/people');
  await expect(page.getByRole('status')).toContainText('1 saved item could not be read and was set aside');
  await expect(page.getByRole('link', { name: /Intact Irene/ })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('cg.quarantine.cg.p.abc'))).toBe(raw);
  expect(await page.evaluate(() => localStorage.getItem('cg.p.abc'))).toBeNull();
});

test('a corrupt entry that cannot be set aside (storage full) is never written over', async ({ page }) => {
  await openApp(page);
  const raw = '{"name":"Half a record ' + 'x'.repeat(2000);
  await page.evaluate((raw) => {
    localStorage.setItem('cg.schema', '1');
    localStorage.setItem('cg.me', raw);
  }, raw);
  await fillStorage(page);
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.getByRole('link', { name: 'My map' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Claire');
  await expect(page.getByRole('status')).toContainText('could not be read or set aside');
  expect(await page.evaluate(() => localStorage.getItem('cg.me'))).toBe(raw);
});

test('data from a newer version is left untouched', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    localStorage.setItem('cg.schema', '99');
    localStorage.setItem('cg.me', '{"future":"shape"}');
  });
  const before = await page.evaluate(() => JSON.stringify(localStorage));
  await page.reload();
  await openApp(page, '#/map');
  await expect(page.getByRole('status')).toContainText('written by a newer version');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Someone');
  await addPerson(page, { name: 'Not Saved' });
  expect(await page.evaluate(() => JSON.stringify(localStorage))).toBe(before);
});

test('without storage the app runs in memory and says so', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The user has blocked storage', 'SecurityError');
      },
    });
  });
  await openApp(page);
  await expect(page.getByRole('status')).toContainText('not letting the app save');
  await addPerson(page, { name: 'Memory Mo' });
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('link', { name: /Memory Mo/ })).toBeVisible();
});

test('a full quota shows an error and keeps what was saved before', async ({ page }) => {
  await openApp(page);
  await addPerson(page, { name: 'Saved Sue', notes: 'Saved before the quota filled up' });
  await fillStorage(page);
  const before = await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('cg.p.'))));
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Too Much Tom');
  await page.getByRole('textbox', { name: 'Notes' }).fill('long note '.repeat(900));
  const typed = await page.getByRole('textbox', { name: 'Notes' }).inputValue();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('storage for the app is full');
  // The unsaved person is still here in memory, ready to export.
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('link', { name: /Too Much Tom/ })).toBeVisible();
  // …and the export really carries him, so nothing typed is lost.
  await page.getByRole('link', { name: 'Settings' }).click();
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export backup', exact: true }).click(),
  ]);
  const exported = JSON.parse(await fs.readFile(await file.path(), 'utf8'));
  expect(exported.people.map((p) => p.name).sort()).toEqual(['Saved Sue', 'Too Much Tom']);
  expect(typed.length).toBeGreaterThan(1000);
  expect(exported.people.find((p) => p.name === 'Too Much Tom').notes).toBe(typed);
  await page.reload();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('link', { name: /Saved Sue/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Too Much Tom/ })).toHaveCount(0);
  const after = await page.evaluate(() => localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('cg.p.'))));
  expect(after).toBe(before);
});

test('served under a sub-path, service worker included', async ({ page, context }) => {
  await openApp(page, '#/', '/a/b/');
  await waitForServiceWorker(page);
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  expect(scope).toBe(`${ORIGIN}/a/b/`);
  await addPerson(page, { name: 'Sub Path Sam' });
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Sub Path Sam' })).toBeVisible();
});

test('a new deployment asks before reloading', async ({ page, request }) => {
  // Under /update/, the only copy the server's bump changes (other workers use the others).
  await openApp(page, '#/', '/update/');
  await waitForServiceWorker(page);
  await request.post('/__bump');
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(page.getByText('A new version is ready.')).toBeVisible();
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    await expect(page.getByText('A new version is ready.')).toHaveCount(0);
  } finally {
    await request.post('/__reset');
  }
});

test('the page keeps its own security rules: CSP, one inline script allowed by its hash, no CSP violation', async ({ page }) => {
  const violations = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await openApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  // The one inline script starts the main module's download (scripts/post-process.py, EARLY);
  // the CSP names it by its SHA-256, so no other inline script could run.
  const inline = await page.locator('script:not([src])').evaluateAll((s) => s.map((e) => e.textContent));
  expect(inline).toHaveLength(1);
  expect(inline[0]).toMatch(/^window\.cgMain=fetch\('\.\/common-ground-[0-9a-f]{16}_bg\.wasm'\)$/);
  const digest = crypto.createHash('sha256').update(inline[0], 'utf8').digest('base64');
  expect(csp.match(/script-src([^;]*)/)[1].match(/'sha256-[^']+'/g)).toEqual([`'sha256-${digest}'`]);
  await page.getByRole('link', { name: 'My map' }).click();
  await page.getByRole('textbox', { name: 'Add interest' }).fill('Wild swimming');
  await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  expect(violations).toEqual([]);
  const manifest = await (await page.request.get('/manifest.webmanifest')).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBe('./');
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
});

test('Chrome finds the app installable: its manifest, icons and service worker pass its own check', async () => {
  // Chrome never offers to install from a private (incognito) profile, which a test context
  // is: a profile on disk, like a phone's.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'cg-install-'));
  const ctx = await chromium.launchPersistentContext(dir, { ...LAUNCH, ...PHONE, baseURL: ORIGIN + '/' });
  try {
    const page = await ctx.newPage();
    await openApp(page);
    await waitForServiceWorker(page);
    const cdp = await ctx.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const { errors } = await cdp.send('Page.getAppManifest');
    expect(errors).toEqual([]);
  } finally {
    await ctx.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a full storage still opens with everything saved before', async ({ page }) => {
  await openApp(page);
  await addPerson(page, { name: 'Kept Kay' });
  await fillStorage(page);
  await page.reload();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('link', { name: /Kept Kay/ })).toBeVisible();
  await expect(page.getByText('not letting the app save')).toHaveCount(0);
});
