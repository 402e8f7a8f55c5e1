// What a first visit downloads before Home works: exactly the files tests/budgets.mjs counts
// against the 150 KB budget. Every other wasm chunk (pages, the record codec) is held back
// here, and Home must still become usable; a page's chunk comes when that page is opened.
// Then the two ways a chunk can be missing: a page never opened before, now offline, and the
// record codec when records are stored. Last, nothing is downloaded twice: what the server
// sends on a first visit, page and service-worker precache together, against every built file
// once, gzipped.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test, expect, waitForServiceWorker } from './fixtures.mjs';
import { firstVisitFiles, laterChunks } from '../budgets.mjs';
import { PHONE } from '../chromium.mjs';
import { everyFileGzip, startGzipServer, settled, firstVisitReport, FIRST_VISIT_SENT_RATIO } from '../bench/sent.mjs';

// The service worker's precache fetches every file on purpose; this is about the page itself.
test.use({ serviceWorkers: 'block' });

test('a first visit needs only the counted files; a page group\'s chunk comes when a page of it opens', async ({ page }) => {
  const counted = firstVisitFiles();
  const later = new Set(laterChunks());
  expect(later.size).toBeGreaterThan(10);
  const requested = new Set();
  page.on('request', (r) => requested.add(decodeURIComponent(new URL(r.url()).pathname.slice(1)) || 'index.html'));
  const held = [];
  let holding = true;
  await page.route(/\.wasm$/, (route) => {
    if (holding && later.has(new URL(route.request().url()).pathname.slice(1))) held.push(route);
    else route.continue();
  });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();

  const assets = [...requested].filter((f) => /(\.(html|js|css|wasm))$/.test(f));
  for (const file of counted) expect(assets, `first visit loads ${file}`).toContain(file);
  const extra = assets.filter((f) => !counted.includes(f));
  // Only chunks fetched in the background (the record codec), all of them still held back.
  for (const file of extra) expect(later.has(file), `${file} is a later chunk`).toBe(true);

  // Home answers a tap while every chunk is still held back; the map it saves waits in memory.
  await page.getByRole('button', { name: 'Load an example map' }).click();
  await expect(page.getByText('Opening…')).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('cg.me'))).toBeNull();

  holding = false;
  await Promise.all(held.splice(0).map((r) => r.continue()));
  await expect(page.getByRole('heading', { name: 'My map', level: 1 })).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('cg.me'))).toContain('"interests"');
  // Settings is in a chunk group of its own: fetched only when it is opened.
  expect([...requested].some((f) => /^split_settings-/.test(f))).toBe(false);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  expect([...requested].some((f) => /^split_settings-[0-9a-f]{16}\.wasm$/.test(f))).toBe(true);
});

test('a page never opened before, now offline: it says so, and opens after "Try again" online', async ({ page, context, expectedConsoleErrors }) => {
  // The chunk loader reports the failed fetch on the console; that is the point of this test.
  expectedConsoleErrors.push(/Failed to fetch/);
  const fetched = [];
  page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
  // The record codec has arrived, and the Settings group has not (nor may the precache have
  // it yet, or going offline below would not find it missing).
  await expect.poll(() => fetched.some((p) => /split_codec-/.test(p))).toBe(true);
  expect(fetched.filter((p) => /split_settings-/.test(p))).toEqual([]);
  expect(await page.evaluate(async () => {
    for (const name of await caches.keys()) {
      for (const req of await (await caches.open(name)).keys()) if (/split_settings-/.test(req.url)) return true;
    }
    return false;
  })).toBe(false);
  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('alert')).toContainText('This page is not on this phone yet');
  await expect(page.getByRole('alert')).toContainText('Everything you saved is safe');
  await context.setOffline(false);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
});

test('records stored but the codec cannot be fetched: nothing starts that could write over them', async ({ page, expectedConsoleErrors }) => {
  expectedConsoleErrors.push(/Failed to fetch/);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
  await page.evaluate(() => {
    localStorage.setItem('cg.schema', '1');
    localStorage.setItem('cg.p.keep1', JSON.stringify({ id: 'keep1', name: 'Kept Kim', created: 1, updated: 1 }));
  });
  const stored = () => page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const before = await stored();
  const later = new Set(laterChunks());
  await page.route(/\.wasm$/, (route) =>
    later.has(new URL(route.request().url()).pathname.slice(1)) ? route.abort() : route.continue(),
  );
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Your notes are safe on this phone');
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  expect(await stored()).toBe(before);
});

test('a first visit is sent every file at most once, page and precache together', async ({ browser }) => {
  // A host like a real one (gzip, ETag, Last-Modified) that counts what it sends; a context of
  // its own, with the service worker allowed, on that host's origin.
  const dist = process.env.DIST || fileURLToPath(new URL('../../dist', import.meta.url));
  const host = await startGzipServer(dist);
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(host.base);
    await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
    // The tapped page first: My map's chunks, then the precache of everything else.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My map' }).click();
    await expect(page.getByRole('heading', { name: 'My map', level: 1 })).toBeVisible();
    await waitForServiceWorker(page);
    const report = firstVisitReport(await settled(host), everyFileGzip(dist));
    console.log(`Chromium first visit: ${report.text}`);
    expect(report.twice, 'files sent twice').toEqual([]);
    expect(report.ratio, report.text).toBeLessThanOrEqual(FIRST_VISIT_SENT_RATIO);
  } finally {
    await context.close();
    await host.stop();
  }
});

test('a first visit from a shared link is sent every file at most once, its early chunks and tables too', async ({ browser }) => {
  const dist = process.env.DIST || fileURLToPath(new URL('../../dist', import.meta.url));
  const saved = JSON.parse(fs.readFileSync(new URL('../data/links/format-3/sample-map-20-1.json', import.meta.url), 'utf8'));
  const host = await startGzipServer(dist);
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    await page.goto(`${host.base}#/m/${saved.link}`);
    await expect(page.getByRole('button', { name: 'Save as acquaintance' })).toBeVisible();
    await waitForServiceWorker(page);
    const sent = await settled(host);
    const report = firstVisitReport(sent, everyFileGzip(dist));
    console.log(`Chromium first visit from a shared link: ${report.text}`);
    expect(report.twice, 'files sent twice').toEqual([]);
    // Not even asked twice (a 304): the app takes the answers fetched early for the link.
    const asked = sent.requests.map(([p]) => p).filter((p) => /\.(wasm|bin)$/.test(p));
    expect(asked.filter((p, i) => asked.indexOf(p) !== i), 'data files asked for twice').toEqual([]);
    expect(asked.some((p) => /split_receiving-/.test(p))).toBe(true);
    expect(report.ratio, report.text).toBeLessThanOrEqual(FIRST_VISIT_SENT_RATIO);
  } finally {
    await context.close();
    await host.stop();
  }
});

test('on a first visit the pages Home points at come once Home is drawn, then the other everyday pages, so a first tap finds them here', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(decodeURIComponent(new URL(r.url()).pathname.slice(1))));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
  // Without a tap: the group of My map and Add person is asked for, then the other everyday
  // pages', and no other page group.
  const group = (name) => requested.findIndex((f) => new RegExp(`^split_${name}-`).test(f));
  await expect.poll(() => group('everyday')).toBeGreaterThan(-1);
  expect(group('starting')).toBeGreaterThan(-1);
  expect(group('starting')).toBeLessThan(group('everyday'));
  await page.waitForLoadState('networkidle');
  expect(requested.filter((f) => /^split_(settings|sharing|scanning|receiving)-/.test(f))).toEqual([]);
  // The small chunks came in packs: a few files, not one per chunk.
  expect(requested.filter((f) => /^chunk_/.test(f)).length, requested.join(' ')).toBeLessThanOrEqual(3);
  expect(requested.some((f) => /^pack_[\w-]*starting[\w-]*-[0-9a-f]{16}\.wasm$/.test(f))).toBe(true);
  const before = requested.length;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My map' }).click();
  await expect(page.getByRole('heading', { name: 'My map', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { name: 'Add person', level: 1 })).toBeVisible();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  // All drawn from what was already here: nothing more was fetched for them.
  expect(requested.slice(before).filter((f) => f.endsWith('.wasm'))).toEqual([]);
});

test('on a first visit "Show my QR" opens the quick map from the starting group, which fetches the share page ahead', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(decodeURIComponent(new URL(r.url()).pathname.slice(1))));
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Home', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Show my QR' }).click();
  await expect(page.getByRole('heading', { name: 'Your map in a minute', level: 1 })).toBeVisible();
  // Drawn from the starting group, not the sharing group…
  expect(requested.findIndex((f) => /^split_starting-/.test(f))).toBeLessThan(requested.findIndex((f) => /^split_sharing-/.test(f)) >>> 0);
  // …which comes by itself, with the share-link tables, while the quick map is filled in.
  await expect.poll(() => requested.some((f) => /^split_sharing-/.test(f))).toBe(true);
  await expect.poll(() => requested.some((f) => /^share-model-\d+\.bin$/.test(f))).toBe(true);
  await page.waitForLoadState('networkidle');
  const before = requested.length;
  await page.getByRole('textbox', { name: 'Your name' }).fill('Eli');
  await page.getByRole('textbox', { name: 'Add interest' }).fill('Zorbing');
  await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  await page.getByRole('button', { name: 'Show my QR' }).click();
  await expect(page.getByRole('heading', { name: 'Share my map', level: 1 })).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
  // The share page and its QR code came from what was already here.
  expect(requested.slice(before).filter((f) => /\.(wasm|bin)$/.test(f))).toEqual([]);
});

test('a received map, opened by someone with no map yet, fetches the quick map ahead, so "Send mine back" does not wait', async ({ page }) => {
  const saved = JSON.parse(fs.readFileSync(new URL('../data/links/format-3/sample-map-20-1.json', import.meta.url), 'utf8'));
  const requested = [];
  page.on('request', (r) => requested.push(decodeURIComponent(new URL(r.url()).pathname.slice(1))));
  await page.goto(`/#/m/${saved.link}`);
  await expect(page.getByRole('button', { name: 'Save as acquaintance' })).toBeVisible();
  // Once the received page is drawn, the quick map's group comes by itself.
  await expect.poll(() => requested.some((f) => /^split_starting-/.test(f))).toBe(true);
  await page.waitForLoadState('networkidle');
  const before = requested.length;
  await page.getByRole('button', { name: 'Send mine back' }).click();
  await expect(page.getByRole('heading', { name: 'Your map in a minute', level: 1 })).toBeVisible();
  expect(requested.slice(before).filter((f) => /\.(wasm|bin)$/.test(f))).toEqual([]);
});
