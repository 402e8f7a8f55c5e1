// Sharing a map by link and QR, receiving one offline, locked links, and hostile links.
import { test, expect, openApp, waitForServiceWorker, axeClean } from './fixtures.mjs';
import { createRequire } from 'node:module';
import zlib from 'node:zlib';
import fs from 'node:fs';

const require = createRequire(import.meta.url);
const jsQR = require('jsqr');
import { qrFormOf } from './qr_form.mjs';

async function makeMap(page, name, interests, extra = {}) {
  await page.getByRole('link', { name: 'My map' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill(name);
  if (extra.what) await page.getByRole('textbox', { name: 'What you do' }).fill(extra.what);
  for (const i of interests) {
    await page.getByRole('textbox', { name: 'Add interest' }).fill(i);
    await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  }
}

/**
 * Reads the QR code an <img> shows: rasterised in the page, decoded here with a real decoder
 * (the page's own CSP rightly refuses to run an injected one). jsQR's result, or null.
 */
async function readQrImage(img, size = 480) {
  const pixels = await img.evaluate(async (img, size) => {
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, size, size);
    ctx.drawImage(img, 0, 0, size, size);
    return Array.from(ctx.getImageData(0, 0, size, size).data);
  }, size);
  return jsQR(Uint8ClampedArray.from(pixels), size, size);
}

/** Locks the share page's link with `passphrase` (as typed) and returns it. */
async function lockedLink(page, passphrase) {
  await page.getByRole('textbox', { name: 'Passphrase (optional)' }).fill(passphrase);
  await page.getByRole('button', { name: 'Lock link' }).click();
  const box = page.getByRole('textbox', { name: 'Share link' });
  await expect(box).toHaveValue(/#\/m\/.+/);
  return box.inputValue();
}

async function shareLink(page) {
  await page.getByRole('link', { name: 'My map' }).click();
  await page.getByRole('button', { name: 'Share my map' }).click();
  const box = page.getByRole('textbox', { name: 'Share link' });
  await expect(box).toHaveValue(/#\/m\/.+/);
  return box.inputValue();
}

test('two phones swap maps; the receiver is offline', async ({ page, newPhone }) => {
  // A (this page) makes a map and a link.
  await openApp(page);
  await makeMap(page, 'Alice', ['Running', 'Custard creams', 'Canal boats', 'Bookkeeping'], { what: 'Accountant' });
  const linkA = await shareLink(page);

  // B has the app cached, its own map, and no signal.
  const ctxB = await newPhone();
  const b = await ctxB.newPage();
  await openApp(b);
  await waitForServiceWorker(b);
  await makeMap(b, 'Bea', ['run', 'custard cream', 'Knitting']);
  await ctxB.setOffline(true);
  // Scanned from A's screen by the phone's camera, the link comes as its QR form, in a new tab:
  // the whole app loads offline from the service worker and opens it.
  const scanned = await ctxB.newPage();
  await scanned.goto(qrFormOf(linkA));
  await expect(scanned.getByRole('heading', { level: 1, name: "Alice's map" })).toBeVisible();
  await expect(scanned.getByText('Accountant')).toBeVisible();
  await scanned.close();
  await b.goto(linkA);
  await expect(b.getByRole('heading', { level: 1, name: "Alice's map" })).toBeVisible();
  await expect(b.getByText('Accountant')).toBeVisible();
  await expect(b.getByRole('img', { name: 'You and Alice share 2 interests' })).toBeVisible();
  await b.getByRole('button', { name: 'Save as acquaintance' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Alice' })).toBeVisible();
  await b.getByRole('link', { name: 'People' }).click();
  await expect(b.getByRole('link', { name: /Alice/ })).toBeVisible();

  // B sends theirs back; A opens it and sees the same overlap.
  await b.goto(linkA);
  await b.getByRole('button', { name: 'Send mine back' }).click();
  const box = b.getByRole('textbox', { name: 'Share link' });
  await expect(box).toHaveValue(/#\/m\/.+/);
  const linkB = await box.inputValue();
  await page.goto(linkB);
  await expect(page.getByRole('heading', { level: 1, name: "Bea's map" })).toBeVisible();
  await expect(page.getByRole('img', { name: 'You and Bea share 2 interests' })).toBeVisible();
});

test('an empty map shows no code of nothing: the share page offers a quick map, which then shows the code', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'My map' }).click();
  await page.getByRole('button', { name: 'Share my map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share my map' })).toBeVisible();
  await expect(page.getByText('Your map has no interests yet, so a code would show nothing on the other phone.')).toBeVisible();
  await expect(page.getByRole('img', { name: /QR code/ })).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'add your interests on My map' })).toHaveAttribute('href', '#/map');

  await page.getByRole('button', { name: 'Make a quick map' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Nia');
  await page.getByRole('textbox', { name: 'Add interest' }).fill('Choir');
  await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  await page.getByRole('button', { name: 'Show my QR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share my map' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#\/m\/.+/);
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible();
});

test('the QR code on the page decodes to the link\'s QR form, which opens the same map on another phone', async ({ page, newPhone }) => {
  await openApp(page);
  await makeMap(page, 'Quinn', ['Wild swimming', 'Jazz', 'Sourdough', 'Parish council', 'Allotment']);
  const link = await shareLink(page);
  const qr = page.getByRole('img', { name: 'QR code' });
  await expect(qr).toBeVisible();
  const decoded = await readQrImage(qr);
  // The same payload in the characters a QR code packs tighter (src/core/share/qr_form.rs).
  expect(decoded?.data).toBe(qrFormOf(link));
  expect(decoded.data).toMatch(/#\/M\/[0-9A-Z$*+:-]+$/);
  // What a phone's camera opens: the same map.
  const other = await (await newPhone()).newPage();
  await other.goto(decoded.data);
  await expect(other.getByRole('heading', { level: 1, name: "Quinn's map" })).toBeVisible();
  await expect(other.getByText('Parish council')).toBeVisible();
});

test('"Bigger code" shows the code alone on white across the screen, keeps the screen on, still reads, and closes by Close or Escape', async ({ newPhone }) => {
  // axe is injected as a script, which the page's own CSP rightly forbids: bypass it here.
  const page = await (await newPhone({ bypassCSP: true })).newPage();
  // Headless Chromium has no screen to keep on: count the asks instead.
  await page.addInitScript(() => {
    window.cgWakeLocks = { asked: 0, released: 0 };
    Object.defineProperty(navigator, 'wakeLock', {
      value: { request: async () => (window.cgWakeLocks.asked++, { release: async () => window.cgWakeLocks.released++ }) },
    });
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openApp(page);
  await makeMap(page, 'Quinn', ['Wild swimming', 'Jazz', 'Sourdough', 'Parish council', 'Allotment']);
  const link = await shareLink(page);
  const small = await page.getByRole('img', { name: 'QR code', exact: true }).boundingBox();
  const bigger = page.getByRole('button', { name: 'Bigger code' });
  await bigger.click();
  const dialog = page.getByRole('dialog', { name: 'The code, full screen' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  // Tab stays in the dialog.
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const big = dialog.getByRole('img', { name: 'QR code, full screen' });
  const box = await big.boundingBox();
  expect(box.width).toBeGreaterThanOrEqual(320);
  expect(box.width).toBeGreaterThan(small.width * 1.3);
  // White behind it even in the dark theme.
  expect(await dialog.evaluate((d) => getComputedStyle(d).backgroundColor)).toBe('rgb(255, 255, 255)');
  await expect.poll(() => page.evaluate(() => window.cgWakeLocks.asked)).toBe(1);
  await axeClean(page, 'the code, full screen');
  // The big code reads back to the link's QR form.
  expect((await readQrImage(big))?.data).toBe(qrFormOf(link));

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(bigger).toBeFocused();
  await expect.poll(() => page.evaluate(() => window.cgWakeLocks.released)).toBe(1);
  await bigger.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => window.cgWakeLocks.released)).toBe(2);

  // The phone's Back closes the big code and stays on the page under it, as in a phone's own
  // apps; the next Back leaves the page, as it would have with the code never opened.
  const url = page.url();
  await bigger.click();
  await expect(dialog).toBeVisible();
  await page.goBack();
  await expect(dialog).toHaveCount(0);
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Share my map' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.cgWakeLocks.released)).toBe(3);
  await page.goBack();
  await expect(page).not.toHaveURL(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Share my map' })).toHaveCount(0);
});

test('a locked link opens with the right passphrase and refuses a wrong one', async ({ page, newPhone }) => {
  await openApp(page);
  await makeMap(page, 'Lena', ['Birdwatching', 'Chess']);
  await page.getByRole('button', { name: 'Share my map' }).click();
  const link = await lockedLink(page, 'blue teapot');
  const other = await (await newPhone()).newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: 'A locked map' })).toBeVisible();
  await expect(other.getByText('Birdwatching')).toHaveCount(0);
  await other.getByRole('textbox', { name: 'Passphrase' }).fill('green teapot');
  await other.getByRole('button', { name: 'Open' }).click();
  await expect(other.getByRole('alert')).toContainText('does not open this link');
  await other.getByRole('textbox', { name: 'Passphrase' }).fill('blue teapot');
  await other.getByRole('button', { name: 'Open' }).click();
  await expect(other.getByRole('heading', { level: 1, name: "Lena's map" })).toBeVisible();
  await expect(other.getByText('Birdwatching')).toBeVisible();
});

test('a passphrase opens its link whatever case and spaces the two keyboards add; links locked as typed still open', async ({ page, newPhone }) => {
  await openApp(page);
  await makeMap(page, 'Lena', ['Birdwatching', 'Chess']);
  await page.getByRole('button', { name: 'Share my map' }).click();
  await expect(page.getByRole('textbox', { name: 'Passphrase (optional)' })).toHaveAttribute('autocapitalize', 'none');
  // The sender's phone capitalised the first word and put a space after a suggested one.
  const link = await lockedLink(page, 'Blue Teapot ');
  const other = await (await newPhone()).newPage();
  await other.goto(link);
  const typed = other.getByRole('textbox', { name: 'Passphrase' });
  await expect(typed).toHaveAttribute('autocapitalize', 'none');
  await typed.fill('   ');
  await other.getByRole('button', { name: 'Open' }).click();
  await expect(other.getByRole('alert')).toHaveText('Type the passphrase the sender told you.');
  await typed.fill('blue  teapot');
  await other.getByRole('button', { name: 'Open' }).click();
  await expect(other.getByRole('heading', { level: 1, name: "Lena's map" })).toBeVisible();

  // A link locked before passphrases were folded: its key came from the passphrase exactly as
  // typed ("Custard Creams"), and typed exactly so it still opens.
  const old = JSON.parse(fs.readFileSync(new URL('../data/links/format-3/locked-typed-passphrase.json', import.meta.url), 'utf8'));
  expect(old.passphrase).toBe('Custard Creams');
  const third = await (await newPhone()).newPage();
  await third.goto(`/#/m/${old.link}`);
  await third.getByRole('textbox', { name: 'Passphrase' }).fill(old.passphrase);
  await third.getByRole('button', { name: 'Open' }).click();
  await expect(third.getByRole('heading', { level: 1, name: "Zoë O'Connor's map" })).toBeVisible();
});

const b64url = (buf) => Buffer.from(buf).toString('base64url');

test('hostile links show an error or inert text, run no script and change no storage', async ({ page, newPhone }) => {
  // A real link whose every text field carries markup or a script URL.
  await openApp(page);
  const evil = '<img src=x onerror="window.__pwned=1">';
  await makeMap(page, evil, [evil, 'javascript:window.__pwned=1'], { what: evil });
  await page.getByRole('link', { name: 'My map' }).click();
  await page.getByText('How people can reach you').click();
  await page.getByRole('textbox', { name: 'Your web' }).fill('javascript:window.__pwned=1');
  await page.getByRole('textbox', { name: 'Your social' }).fill('data:text/html,<script>window.__pwned=1</script>');
  await page.getByRole('textbox', { name: 'Your email' }).fill(evil);
  await page.getByRole('button', { name: 'Share my map' }).click();
  // Contact details are shared only when ticked: tick them all, so every field carries markup.
  await page.getByRole('button', { name: 'Change' }).click();
  for (const field of ['My email', 'My web', 'My social']) await page.getByRole('checkbox', { name: field }).check();
  await page.getByRole('textbox', { name: 'Message (optional)' }).fill(evil);
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#\/m\/.+/);
  const evilLink = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const good = evilLink.split('#/m/')[1];
  const raw = Buffer.from(good, 'base64url');
  const goodQr = qrFormOf(evilLink).split('#/M/')[1];

  const flip = (i) => {
    const c = Buffer.from(raw);
    c[i % c.length] ^= 0x5a;
    return b64url(c);
  };
  // 1 MiB of zeros deflates to about a kilobyte: short enough to pass the length check, so the
  // decoder's limit on the inflated size is what must stop it.
  const bomb = Buffer.concat([Buffer.from([1, 1]), zlib.deflateRawSync(Buffer.alloc(1 << 20), { level: 9 })]);
  // Each hostile link with what it must show: the heading and the reason (the received page's
  // own words), never a map, never a panic. A fragment the router does not take is "Nothing here".
  const DAMAGED = 'This link is damaged';
  const cases = [
    ['the first half of a real link', good.slice(0, good.length >> 1), DAMAGED, 'This link is damaged: ask for a new one'],
    ['three characters', good.slice(0, 3), DAMAGED, 'This link is damaged: ask for a new one'],
    ['a real link less its last character', good.slice(0, -1), DAMAGED, 'This link is damaged: ask for a new one'],
    ['the version byte flipped', flip(0), 'Made by a newer version', 'made by a newer version of Common Ground'],
    ['the flags byte flipped', flip(1), DAMAGED, 'This link is damaged: ask for a new one'],
    ['a body byte flipped (5)', flip(5), DAMAGED, 'This link is damaged: ask for a new one'],
    ['a body byte flipped (17)', flip(17), DAMAGED, 'This link is damaged: ask for a new one'],
    ['the last byte flipped', flip(raw.length - 1), DAMAGED, 'This link is damaged: ask for a new one'],
    ['version 9', b64url(Buffer.concat([Buffer.from([9]), raw.subarray(1)])), 'Made by a newer version', 'made by a newer version of Common Ground'],
    ['version 255 and nothing else', b64url(Buffer.from([255, 0])), 'Made by a newer version', 'made by a newer version of Common Ground'],
    ['50,000 characters', 'A'.repeat(50_000), DAMAGED, 'This link is too long'],
    ['a 4 MiB deflate bomb, too long to read', b64url(Buffer.concat([Buffer.from([1, 1]), zlib.deflateRawSync(Buffer.alloc(4 << 20))])), DAMAGED, 'This link is too long'],
    ['a deflate bomb', b64url(bomb), DAMAGED, 'This link holds more than Common Ground can show'],
    ['text that is not UTF-8', b64url(Buffer.from([1, 0, 0xff, 0xfe, 0xfd, 0xc3, 0x28, 0xa0, 0xa1])), DAMAGED, 'This link is damaged: ask for a new one'],
    ['garbage after a real body', b64url(Buffer.concat([raw, Buffer.from([0, 1, 2])])), DAMAGED, 'This link is damaged: ask for a new one'],
    ['not base64', '!!!not-base64!!!', DAMAGED, 'This link is damaged: ask for a new one'],
    ['escaped markup', '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E', DAMAGED, 'This link is damaged: ask for a new one'],
    ['raw markup', '<img src=x onerror=window.__pwned=1>', DAMAGED, 'This link is damaged: ask for a new one'],
    ['a script URL', 'javascript:window.__pwned=1', DAMAGED, 'This link is damaged: ask for a new one'],
    ['format 1, unknown flags', b64url(Buffer.from([1, 2, 0, 0])), DAMAGED, 'This link is damaged: ask for a new one'],
    ['format 1, unknown flags and a body', b64url(Buffer.from([1, 2, ...Array(20).fill(7)])), DAMAGED, 'This link is damaged: ask for a new one'],
    ['300 bytes of 0xff', b64url(Buffer.from(Array(300).fill(0xff))), 'Made by a newer version', 'made by a newer version of Common Ground'],
    ['format 2, flags and no body', b64url(Buffer.from([2, 0])), DAMAGED, 'This link is damaged: ask for a new one'],
    ['format 3, flags and no body', b64url(Buffer.from([3, 0])), DAMAGED, 'This link is damaged: ask for a new one'],
    ['format 4', b64url(Buffer.from([4, 0, 1, 2])), 'Made by a newer version', 'made by a newer version of Common Ground'],
    // The QR form (#/M/…): damaged or mistyped, it is a damaged link, not "Nothing here".
    ['a QR-form link less its last character', `#/M/${goodQr.slice(0, -1)}`, DAMAGED, 'This link is damaged: ask for a new one'],
    ['a QR-form link in lower case', `#/M/${goodQr.toLowerCase()}`, DAMAGED, 'This link is damaged: ask for a new one'],
    ['a QR-form link with a space in it', `#/M/${goodQr.slice(0, 30)}%20${goodQr.slice(30)}`, DAMAGED, 'This link is damaged: ask for a new one'],
    ['a QR-form group past two bytes', '#/M/:::', DAMAGED, 'This link is damaged: ask for a new one'],
  ];
  const ctx = await newPhone();
  const victim = await ctx.newPage();
  await openApp(victim);
  await makeMap(victim, 'Victor', ['Running']);
  let dialogs = 0;
  victim.on('dialog', async (d) => {
    dialogs++;
    await d.dismiss();
  });
  const snapshot = () => victim.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  const before = await snapshot();

  // The link with markup everywhere opens as inert text, with no script link.
  await victim.goto(evilLink);
  await expect(victim.getByRole('heading', { level: 1 })).toContainText('<img src=x');
  await expect(victim.getByText('javascript:window.__pwned=1').first()).toBeVisible();
  expect(await victim.locator('a[href^="javascript:"], a[href^="data:"], img[src="x"]').count()).toBe(0);

  const outcome = () => victim.evaluate(() => `${document.querySelector('h1')?.textContent} || ${document.querySelector('main')?.innerText.split('\n').slice(0, 4).join(' / ')}`);
  const seen = [];
  for (const [what, payload, heading, reason] of cases) {
    // From Home each time, so the previous link's page cannot satisfy this one's check.
    await victim.goto('/#/');
    await expect(victim.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
    await victim.goto(payload.startsWith('#') ? `/${payload}` : `/#/m/${payload}`);
    if (process.env.CG_PROBE) {
      await victim.waitForTimeout(600);
      seen.push(`${what}: ${await outcome()}`);
      continue;
    }
    await expect(victim.getByRole('heading', { level: 1, name: heading }), what).toBeVisible();
    await expect(victim.getByRole('main'), what).toContainText(reason);
    // The app still answers a tap, with no reload.
    await victim.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await expect(victim.getByRole('heading', { level: 1, name: 'People' }), what).toBeVisible();
    expect(await snapshot(), `${what}: storage`).toBe(before);
  }
  if (process.env.CG_PROBE) console.log(seen.join('\n'));
  expect(await victim.evaluate(() => window.__pwned)).toBeUndefined();
  expect(dialogs).toBe(0);
  expect(await snapshot()).toBe(before);
});

// Share-link formats 2 and 3 (issue 14): the word tables come with the share and received pages
// only; format 3 (written now) is format 2 with the name readable without them.
test('links are format 3, Home never fetches the word tables, and saved links of every format open', async ({ page, newPhone }) => {
  const tables = [];
  page.on('request', (r) => {
    if (r.url().includes('share-model-2.bin')) tables.push(r.url());
  });
  await openApp(page);
  await expect(page.getByRole('link', { name: 'My map' })).toBeVisible();
  expect(tables, 'Home fetched the share tables').toEqual([]);
  await makeMap(page, 'Siân', ['Kieślowski films', 'parkrun PB 24:10', 'Welsh cakes — bara brith']);
  const link = await shareLink(page);
  expect(tables.length).toBe(1);
  expect(Buffer.from(link.split('#/m/')[1], 'base64url')[0]).toBe(3);

  const base = link.split('#')[0];
  const saved = (file) => JSON.parse(fs.readFileSync(new URL(`../data/links/${file}`, import.meta.url), 'utf8'));
  const ctx = await newPhone();
  const other = await ctx.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: "Siân's map" })).toBeVisible();
  await expect(other.getByText('parkrun PB 24:10')).toBeVisible();
  for (const file of ['format-1/full-payload.json', 'format-2/full-payload.json', 'format-3/full-payload.json']) {
    await other.goto(`${base}#/m/${saved(file).link}`);
    await expect(other.getByRole('heading', { level: 1, name: "Zoë O'Connor's map" })).toBeVisible();
    await expect(other.getByText('sourdough starter named Doug')).toBeVisible();
  }
});
