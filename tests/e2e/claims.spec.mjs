// Claims the README makes that no other test checks: every page group opens offline after
// the first visit, a save writes exactly one storage entry, and every control on every screen
// is a 44 px target with a visible focus ring.
import fs from 'node:fs';
import { test, expect, openApp, waitForServiceWorker, seed, person } from './fixtures.mjs';

// Fixed links (tests/data/links/): a received map and a locked one are screens too.
const goldenLink = (file) => JSON.parse(fs.readFileSync(new URL(`../data/links/format-3/${file}`, import.meta.url), 'utf8')).link;

/** Waits until the service worker has cached every file on its precache list. */
async function waitForPrecache(page) {
  await waitForServiceWorker(page);
  await page.waitForFunction(
    async () => {
      const sw = await (await fetch('./sw.js')).text();
      // Entries are URLs, or [URL, how to fetch it] pairs.
      const list = JSON.parse(sw.match(/const PRECACHE = (\[.*?\]);/s)[1]).map((e) => (Array.isArray(e) ? e[0] : e));
      const names = (await caches.keys()).filter((k) => k.startsWith('cg-'));
      for (const url of list) {
        let hit = false;
        for (const name of names) hit ||= Boolean(await (await caches.open(name)).match(url));
        if (!hit) return false;
      }
      return list.length > 5;
    },
    null,
    { timeout: 30_000, polling: 250 },
  );
}

test('after the first visit, a page of every chunk group opens offline from a cold start', async ({ page, context }) => {
  await openApp(page);
  await waitForPrecache(page);
  await context.setOffline(true);
  // One page of each group (starting, everyday, sharing, settings), each loaded from nothing.
  for (const [hash, heading] of [
    ['#/map', 'My map'],
    ['#/scan', 'Scan a code'],
    ['#/people', 'People'],
    ['#/events', 'Events'],
    ['#/share', 'Share my map'],
    ['#/settings', 'Settings'],
  ]) {
    const fresh = await context.newPage();
    await fresh.goto('/' + hash);
    await expect(fresh.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    if (hash === '#/scan') {
      // The scan page fetches the QR decoder, a group of its own ("scanning"); a failed load
      // would be a console error, which fails the test.
      await expect.poll(() => fresh.evaluate(() => performance.getEntriesByType('resource').some((e) => /\/split_scanning-/.test(e.name)))).toBe(true);
      await fresh.waitForTimeout(300);
    }
    await fresh.close();
  }
});

test('saving a new person writes exactly one storage entry', async ({ page }) => {
  await openApp(page);
  // The very first save also stamps the schema version; from then on a save is one entry.
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('First Fay');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'First Fay' })).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Una Entry');
  await page.getByRole('textbox', { name: 'What they do' }).fill('Florist');
  // Count writes from here on: the save itself, nothing typed before it.
  await page.evaluate(() => {
    window.__writes = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) {
      if (this === localStorage) window.__writes.push(k);
      return set.call(this, k, v);
    };
  });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Una Entry' })).toBeVisible();
  const writes = (await page.evaluate(() => window.__writes)).filter((k) => k.startsWith('cg.') && !k.startsWith('cg.draft'));
  expect(writes).toHaveLength(1);
  expect(writes[0]).toMatch(/^cg\.p\.[0-9a-z]+$/);
});

const screens = [
  ['#/', 'Home'],
  ['#/map', 'My map'],
  ['#/people', 'People'],
  ['#/people/p1', 'Meg'],
  ['#/events', 'Events'],
  ['#/events/ev', 'WI evening'],
  ['#/share', 'Share my map'],
  ['#/settings', 'Settings'],
  ['#/who/run', 'Who shares this?'],
  ['#/people/new', 'Add person'],
  ['#/quick', 'Your map in a minute'],
  ['#/follow-ups', 'Follow-ups'],
  ['#/scan', 'Scan a code'],
  [`#/m/${goldenLink('sample-map-20-1.json')}`, "Zoe Taylor's map"],
  [`#/m/${goldenLink('locked-full-payload.json')}`, 'A locked map'],
  ['#/nowhere', 'Nothing here'],
];

test('every control on every screen is at least 44 px and shows a focus ring', async ({ page }) => {
  await seed(page, {
    ...Object.fromEntries([
      person('p1', 'Meg', [['Running', 'sport'], ['Baking', 'food']], {
        follow_ups: [{ due: '2026-01-01', text: 'Call Meg', done: false }],
      }),
    ]),
    'cg.me': { name: 'Claire', interests: [['Running', 'sport'], ['Choir', 'arts']] },
    'cg.e.ev': { id: 'ev', name: 'WI evening', date: '2026-11-01', attendees: ['p1'], created: 1, updated: 1 },
    // An earlier evening, so the event screen has its regulars (their checkboxes are measured).
    'cg.e.ev0': { id: 'ev0', name: 'WI evening', date: '2026-10-04', attendees: ['p1'], created: 1, updated: 1 },
    'cg.settings': { current_event: 'ev', theme: 'system', last_backup: Date.now() },
  });
  const problems = [];
  for (const [hash, heading] of screens) {
    await page.goto('/' + hash);
    await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    // A received map's heading is on screen before its page (read ahead from the link).
    await expect(page.getByRole('main').getByText('Opening…', { exact: true })).toHaveCount(0);
    // Links inside running text are exempt (WCAG 2.5.8's inline exception); everything else
    // a finger can hit must be 44 × 44 CSS px, or sit in a 44 px tall row that takes the tap.
    const small = await page.evaluate(() => {
      const out = [];
      const controls = document.querySelectorAll('button, a[href], input:not([type=hidden]), select, textarea, summary, [role=button]');
      for (const el of controls) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue; // not shown
        if (el.tagName === 'A' && el.closest('p, li.note, .prose')) continue;
        const label = el.closest('label');
        const box = label ? label.getBoundingClientRect() : r;
        if (Math.max(box.height, r.height) < 44 - 0.5 || Math.max(box.width, r.width) < 44 - 0.5) {
          out.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') || el.textContent || el.name || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`);
        }
      }
      return out;
    });
    problems.push(...small.map((s) => `${hash}: ${s}`));
    // Keyboard focus on the first few controls: each must show an outline or a ring.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      const ring = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'none';
        const s = getComputedStyle(el);
        const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
        return visible ? 'ok' : `${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 30)}"`;
      });
      if (ring !== 'ok' && ring !== 'none') problems.push(`${hash}: no focus ring on ${ring}`);
    }
  }
  expect(problems).toEqual([]);
});

test('a share link opened from nothing while offline shows the map (after one earlier visit)', async ({ page, newPhone }) => {
  await seed(page, { 'cg.me': { name: 'Claire', interests: [['Running', 'sport'], ['Choir', 'arts']] } });
  await page.goto('/#/share');
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#\/m\/.+/);
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();

  const ctx = await newPhone();
  const visited = await ctx.newPage();
  await openApp(visited);
  await waitForPrecache(visited);
  await visited.close();
  await ctx.setOffline(true);
  const receiver = await ctx.newPage();
  await receiver.goto(link);
  await expect(receiver.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await expect(receiver.getByText('Choir').first()).toBeVisible();
});

test('a browser language Intl refuses (WebKitGTK says "C") falls back to English dates', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'language', { get: () => 'C' }));
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await seed(page, {
    ...Object.fromEntries([
      person('p1', 'Meg', [['Running', 'sport']], { follow_ups: [{ due: yesterday, text: 'Call Meg', done: false }] }),
    ]),
  });
  await expect(page.getByText('Overdue · due yesterday')).toBeVisible();
  await page.getByRole('link', { name: 'Meg' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meg' })).toBeVisible();
});

test('a locked link carries no part of the map in the clear', async ({ page }) => {
  await seed(page, { 'cg.me': { name: 'Lena Birdwood', interests: [['Birdwatching', 'hobbies'], ['Chess', 'hobbies'], ['Canal boats', 'travel']] } });
  await page.goto('/#/share');
  const box = page.getByRole('textbox', { name: 'Share link' });
  await expect(box).toHaveValue(/#\/m\/.+/);
  const plain = await box.inputValue();
  await page.getByRole('textbox', { name: 'Passphrase (optional)' }).fill('blue teapot');
  await page.getByRole('button', { name: 'Lock link' }).click();
  await expect.poll(() => box.inputValue()).toMatch(/#\/m\/.+/);
  await expect(box).not.toHaveValue(plain);
  await expect(page.getByText('Link locked')).toBeVisible();
  const locked = await box.inputValue();
  const bytes = (link) => Buffer.from(link.split('#/m/')[1], 'base64url');
  const body = bytes(plain).subarray(2); // after the version and flags bytes
  const sealed = bytes(locked);
  expect(body.length).toBeGreaterThan(12);
  // No 6-byte run of the plain body survives into the sealed link, nor any name as text.
  for (let i = 0; i + 6 <= body.length; i++) {
    expect(sealed.includes(body.subarray(i, i + 6)), `plain bytes ${i}..${i + 6} in the locked link`).toBe(false);
  }
  for (const word of ['Lena', 'Birdwatching', 'Chess', 'Canal']) expect(sealed.includes(Buffer.from(word))).toBe(false);
  // Sealed with a fresh salt and nonce each time: locking again gives another link.
  await page.getByRole('button', { name: 'Remove lock' }).click();
  await expect.poll(() => box.inputValue()).toBe(plain);
  await page.getByRole('button', { name: 'Lock link' }).click();
  await expect.poll(() => box.inputValue()).not.toBe(locked);
  await expect.poll(() => box.inputValue()).toMatch(/#\/m\/.+/);
});

test("a lock needs the browser's random numbers: without them the link stays unlocked and says so", async ({ page }) => {
  // A browser whose CSPRNG refuses: a salt and IV from anything weaker would be a lock in name only.
  await page.addInitScript(() => {
    Crypto.prototype.getRandomValues = () => {
      throw new DOMException('refused for the test', 'QuotaExceededError');
    };
  });
  await seed(page, { 'cg.me': { name: 'Lena Birdwood', interests: [['Birdwatching', 'hobbies']] } });
  await page.goto('/#/share');
  const box = page.getByRole('textbox', { name: 'Share link' });
  await expect(box).toHaveValue(/#\/m\/.+/);
  const plain = await box.inputValue();
  await page.getByRole('textbox', { name: 'Passphrase (optional)' }).fill('blue teapot');
  await page.getByRole('button', { name: 'Lock link' }).click();
  await expect(page.getByText('This browser cannot make the random numbers a lock needs, so the link is shared unlocked.')).toBeVisible();
  await expect(box).toHaveValue(plain);
  await expect(page.getByRole('button', { name: 'Lock link' })).toBeVisible();
});
