// Swapping maps in ten seconds: QR first, private by default, receiving inside the app (a real
// camera path through Chromium's fake capture device, and pasting), the iPhone Home Screen notes,
// the receiver's first visit, and the quick map for someone with none.
import { test, expect, openApp, seed, ORIGIN, shot, axeClean, waitForServiceWorker, IPHONE_UA } from './fixtures.mjs';
import { chromium } from '@playwright/test';
import { LAUNCH, PHONE } from '../chromium.mjs';
import { qrFormOf } from './qr_form.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// 18 interests over six categories, and every contact field filled in.
const SPORTS = ['Running', 'Wild swimming', 'Cycling'];
const MY_MAP = {
  name: 'Claire',
  what: 'Marketing',
  interests: [
    ...SPORTS.map((l) => [l, 'sport']),
    ...['Custard creams', 'Sourdough', 'Craft beer'].map((l) => [l, 'food']),
    ...['Choir', 'Jazz', 'Pottery'].map((l) => [l, 'arts']),
    ...['Knitting', 'Gardening', 'Birdwatching'].map((l) => [l, 'hobbies']),
    ...['Recycling scheme', 'Village fete', 'Parish council'].map((l) => [l, 'local']),
    ...['Bookkeeping', 'Sales', 'Coaching'].map((l) => [l, 'work']),
  ],
  contact: { phone: '07700 900123', email: 'claire@example.org' },
};

/** The bottom of the first screenful: the viewport above the fixed navigation. */
async function foldOf(page) {
  const nav = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
  return nav.y;
}

async function inFirstScreenful(page, locator) {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  const fold = await foldOf(page);
  expect(box.y, `${locator} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${locator} ends above the navigation`).toBeLessThanOrEqual(fold + 1);
}

async function shareLinkOf(page) {
  const box = page.getByRole('textbox', { name: 'Share link' });
  await expect(box).toHaveValue(/#\/m\/.+/);
  return box.inputValue();
}

async function lockedLink(page, passphrase) {
  await page.getByRole('textbox', { name: 'Passphrase (optional)' }).fill(passphrase);
  const before = await shareLinkOf(page);
  await page.getByRole('button', { name: 'Lock link' }).click();
  const box = page.getByRole('textbox', { name: 'Share link' });
  await expect(box).not.toHaveValue(before);
  await expect(box).toHaveValue(/#\/m\/.+/);
  return box.inputValue();
}

test('Home\'s "Show my QR" opens the QR, the link and what it carries in the first screenful; "Change" opens the chooser', async ({ page }) => {
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Share my map' })).toBeVisible();
  await inFirstScreenful(page, page.getByRole('img', { name: 'QR code' }));
  await inFirstScreenful(page, page.getByRole('textbox', { name: 'Share link' }));
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveAttribute('readonly', '');
  await inFirstScreenful(page, page.getByRole('button', { name: 'Copy link' }));
  const summary = page.locator('.share-summary');
  await inFirstScreenful(page, summary);
  await expect(summary).toHaveText('18 interests · no contact details · Change');
  // No share sheet in desktop Chromium, so no "Share" button.
  expect(await page.evaluate(() => typeof navigator.share)).not.toBe('function');
  await expect(page.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);

  // The chooser is closed until "Change".
  await expect(page.getByRole('checkbox', { name: 'Sport & fitness' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Change' }).click();
  await expect(page.getByRole('checkbox', { name: 'Sport & fitness' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Jazz' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'My phone' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'My email' })).not.toBeChecked();
  await expect(page.getByRole('textbox', { name: 'Message (optional)' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Jazz' }).uncheck();
  await page.getByRole('checkbox', { name: 'My email' }).check();
  await expect(summary).toHaveText('17 interests · my email · Change');
});

test('a share sheet, where the browser has one, is offered in the first screenful', async ({ page }) => {
  await page.addInitScript(() => {
    navigator.share = async (data) => { window.shared = data; };
  });
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  await inFirstScreenful(page, page.getByRole('button', { name: 'Share', exact: true }));
  // It hands over the link itself, as a link (a message app makes it tappable).
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await expect.poll(() => page.evaluate(() => window.shared)).toEqual({ title: 'My interest map', url: link });
});

test('private by default and remembered: the phone number reaches the receiver only once ticked', async ({ page, newPhone }) => {
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const untouched = await shareLinkOf(page);

  const receiver = await (await newPhone()).newPage();
  await receiver.goto(untouched);
  await expect(receiver.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await expect(receiver.getByText('Custard creams')).toBeVisible();
  await expect(receiver.getByText('07700 900123')).toHaveCount(0);
  await expect(receiver.getByText('claire@example.org')).toHaveCount(0);

  // Tick the phone and leave Sport out; both are remembered on the next visit.
  await page.getByRole('button', { name: 'Change' }).click();
  await page.getByRole('checkbox', { name: 'My phone' }).check();
  await page.getByRole('checkbox', { name: 'Sport & fitness' }).uncheck();
  await expect(page.locator('.share-summary')).toHaveText('15 interests · my phone · Change');
  const ticked = await shareLinkOf(page);
  await receiver.goto(ticked);
  await expect(receiver.getByRole('link', { name: 'Call 07700 900123' })).toHaveAttribute('href', 'tel:07700900123');
  await expect(receiver.getByRole('link', { name: 'Text 07700 900123' })).toHaveAttribute('href', 'sms:07700900123');
  await expect(receiver.getByText('claire@example.org')).toHaveCount(0);
  await expect(receiver.getByText('Wild swimming')).toHaveCount(0);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Share my map' })).toBeVisible();
  await expect(page.locator('.share-summary')).toHaveText('15 interests · my phone · Change');

  // An interest added later is in, unless its category was left out.
  await page.getByRole('link', { name: 'My map' }).click();
  for (const [label, category] of [['Tennis', 'Sport & fitness'], ['Ukulele', 'Arts & culture']]) {
    await page.getByRole('textbox', { name: 'Add interest' }).fill(label);
    await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: category });
    await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  }
  await page.getByRole('button', { name: 'Share my map' }).click();
  await expect(page.locator('.share-summary')).toHaveText('16 interests · my phone · Change');
  await receiver.goto(await shareLinkOf(page));
  await expect(receiver.getByText('Ukulele')).toBeVisible();
  await expect(receiver.getByText('Tennis')).toHaveCount(0);
});

/** Every person record in the page's storage, as stored. */
const storedPeople = (page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cg.p.')).map((k) => JSON.parse(localStorage.getItem(k))));

/** Writes a Y4M video showing each text's QR code for three seconds (examples/qr_y4m.rs). */
function y4m(texts) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cg-scan-')), 'codes.y4m');
  execFileSync('cargo', ['run', '--quiet', '--example', 'qr_y4m', '--', out, ...texts], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return out;
}

/** A phone whose camera films `video`; `fakeUi` answers the permission prompt with yes. */
async function phoneWithCamera(video, { fakeUi = true } = {}) {
  const args = [...LAUNCH.args, '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`];
  if (fakeUi) args.push('--use-fake-ui-for-media-stream');
  const browser = await chromium.launch({ ...LAUNCH, args });
  const context = await browser.newContext({ baseURL: ORIGIN + '/', ...PHONE });
  const foreign = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!(u.startsWith(ORIGIN + '/') || u.startsWith('data:') || u.startsWith('blob:'))) foreign.push(u);
  });
  return { browser, context, foreign };
}

test('the camera reads a locked link\'s QR code, after saying a stranger\'s code is not ours', async ({ page }) => {
  test.setTimeout(120_000);
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  // The code the share page draws: the locked link's QR form.
  const link = qrFormOf(await lockedLink(page, 'blue teapot'));
  const video = y4m(['https://example.org/not-a-map', link]);

  const { browser, context, foreign } = await phoneWithCamera(video);
  try {
    const b = await context.newPage();
    await openApp(b);
    await b.getByRole('button', { name: 'Scan a code' }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'Scan a code' })).toBeVisible();
    await expect(b.getByRole('main').getByRole('status')).toHaveText(/not a Common Ground map/, { timeout: 15_000 });
    await expect(b.getByRole('heading', { level: 1, name: 'A locked map' })).toBeVisible({ timeout: 20_000 });
    // The camera is off once the code is read.
    expect(await b.evaluate(() => document.querySelector('video'))).toBeNull();
    await b.getByRole('textbox', { name: 'Passphrase' }).fill('blue teapot');
    await b.getByRole('button', { name: 'Open' }).click();
    await expect(b.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
    await expect(b.getByText('Custard creams')).toBeVisible();
    expect(foreign).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('where the browser has a BarcodeDetector (Chrome on Android), it reads the code', async ({ page }) => {
  test.setTimeout(90_000);
  await seed(page, { 'cg.me': { ...MY_MAP, name: 'Dana' } });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const link = await shareLinkOf(page);
  // The camera films a stranger's code; the stand-in detector (Linux Chromium has none) reads
  // what a phone's would, first that code and then Dana's link, and says which formats it used.
  const { browser, context, foreign } = await phoneWithCamera(y4m(['https://example.org/elsewhere']));
  try {
    await context.addInitScript((link) => {
      // A phone's buzz, kept: once, for the map, and not for the stranger's code.
      window.__buzzes = [];
      navigator.vibrate = (ms) => window.__buzzes.push(ms) > 0;
      window.__detections = [];
      window.BarcodeDetector = class {
        constructor(options) {
          window.__detections.push(options.formats.join());
        }
        async detect(source) {
          window.__detections.push(source.tagName);
          // The stranger's code for some 3 s (a frame every 200 ms): long enough for the
          // status to be seen under load (0.8 s was missed once with the suite on 2 busy cores).
          return window.__detections.length < 16 ? [{ rawValue: 'WIFI:S:cafe;;' }] : [{ rawValue: link }];
        }
      };
    }, link);
    const b = await context.newPage();
    await openApp(b, '#/scan');
    await expect(b.getByRole('main').getByRole('status')).toHaveText(/not a Common Ground map/);
    await expect(b.getByRole('heading', { level: 1, name: "Dana's map" })).toBeVisible({ timeout: 15_000 });
    expect(await b.evaluate(() => window.__buzzes)).toEqual([30]);
    const calls = await b.evaluate(() => window.__detections);
    expect(calls[0]).toBe('qr_code');
    expect(calls.slice(1).every((c) => c === 'VIDEO')).toBe(true);
    expect(foreign).toEqual([]);
  } finally {
    await browser.close();
  }
});

test("a badge's contact code opens Add person filled in from it, at the current event; a half-typed person is kept", async ({ page }) => {
  test.setTimeout(120_000);
  const badge = 'MECARD:N:Morris,Helen;ORG:Morris & Co;TITLE:Florist;TEL:+44 7700 900456;EMAIL:helen@morris.example;URL:https://morris.example;NOTE:Stand 12;;';
  const { browser, context, foreign } = await phoneWithCamera(y4m(['WIFI:S:cafe;;', badge]));
  try {
    const b = await context.newPage();
    await openApp(b);
    await b.evaluate(() => {
      localStorage.setItem('cg.schema', '1');
      localStorage.setItem('cg.e.fair', JSON.stringify({ id: 'fair', name: 'Wedding fair', date: '', attendees: [], created: 1, updated: 1 }));
      localStorage.setItem('cg.settings', JSON.stringify({ theme: 'system', current_event: 'fair', last_backup: Date.now() }));
    });
    await b.reload();
    // Someone half typed in Add person, then a badge scanned: their typing is not mixed in.
    await b.getByRole('button', { name: 'Add person' }).click();
    await b.getByRole('textbox', { name: 'Name' }).fill('Sam');
    await b.getByRole('link', { name: 'Home' }).click();
    await b.getByRole('button', { name: 'Scan a code' }).click();
    await expect(b.getByRole('main').getByRole('status')).toHaveText(/not a Common Ground map, a contact card or a LinkedIn profile/, { timeout: 15_000 });
    await expect(b.getByRole('heading', { level: 1, name: 'Add person' })).toBeVisible({ timeout: 20_000 });
    await expect(b.getByText("You were adding Sam when Helen Morris's contact card was scanned. Save or clear Sam first, then scan it again.")).toBeVisible();
    await expect(b.getByRole('textbox', { name: 'Name' })).toHaveValue('Sam');
    await expect(b.getByRole('textbox', { name: 'What they do' })).toHaveValue('');
    await b.getByRole('button', { name: 'Discard' }).click();

    // Scanned again with nothing half typed, from the form itself: the card fills it, filed
    // at the fair.
    await b.getByRole('button', { name: 'Scan their badge' }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'Scan a code' })).toBeVisible();
    await expect(b.getByRole('textbox', { name: 'Name' })).toHaveValue('Helen Morris', { timeout: 20_000 });
    await expect(b.getByText("From Helen Morris's contact card: name, what they do, phone, email, web address, a note.")).toBeVisible();
    expect(await b.evaluate(() => document.querySelector('video'))).toBeNull();
    await expect(b.getByRole('textbox', { name: 'What they do' })).toHaveValue(/Florist/);
    await expect(b.getByRole('textbox', { name: 'Phone' })).toHaveValue('+44 7700 900456');
    await expect(b.getByRole('textbox', { name: 'Email' })).toHaveValue('helen@morris.example');
    await expect(b.getByText('At Wedding fair', { exact: true })).toBeVisible();
    await b.getByRole('textbox', { name: 'Add interest' }).fill('Dahlias');
    await b.getByRole('textbox', { name: 'Add interest' }).press('Enter');
    // "Save and add another": the form is for the next badge, and no longer says it came
    // from Helen's card.
    await b.getByRole('button', { name: 'Save and add another' }).click();
    await expect(b.getByRole('textbox', { name: 'Name' })).toHaveValue('');
    await expect(b.getByText(/contact card/)).toHaveCount(0);
    await b.getByRole('link', { name: 'People' }).click();
    await b.getByRole('link', { name: /^Helen Morris/ }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'Helen Morris' })).toBeVisible();
    await expect(b.getByRole('link', { name: /Wedding fair/ })).toBeVisible();
    const saved = await storedPeople(b);
    expect(saved).toHaveLength(1);
    expect(saved[0].contact).toEqual({ phone: '+44 7700 900456', email: 'helen@morris.example', web: 'https://morris.example' });
    expect(saved[0].notes).toBe('Stand 12');
    expect(saved[0].interests.map((i) => i[0] ?? i.label)).toEqual(['Dahlias']);
    expect(foreign).toEqual([]);
  } finally {
    await browser.close();
  }
});

test("a LinkedIn profile's code opens Add person with the profile kept and the name it spells, to check", async () => {
  test.setTimeout(90_000);
  const { browser, context } = await phoneWithCamera(y4m(['https://www.linkedin.com/in/helen-morris-3a2b1c4?utm_source=share_via']));
  try {
    const b = await context.newPage();
    await openApp(b);
    // Her first name typed, then her code scanned: the same person, so the form fills.
    await b.getByRole('button', { name: 'Add person' }).click();
    await b.getByRole('textbox', { name: 'Name' }).fill('Helen');
    await b.getByRole('button', { name: 'Scan their badge' }).click();
    await expect(b.getByRole('textbox', { name: 'Name' })).toHaveValue('Helen Morris', { timeout: 20_000 });
    await expect(b.getByText("From their LinkedIn code: name, social profile. The name is read from the profile's address: check it.")).toBeVisible();
    await b.getByRole('textbox', { name: 'Name' }).fill('Helen Morris-Jones');
    await b.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'Helen Morris-Jones' })).toBeVisible();
    const saved = await storedPeople(b);
    expect(saved.map((p) => [p.name, p.contact])).toEqual([['Helen Morris-Jones', { social: 'https://www.linkedin.com/in/helen-morris-3a2b1c4' }]]);
  } finally {
    await browser.close();
  }
});

test("a badge scanned before the contacts reader could be fetched says to connect once, and scanning goes on", async () => {
  test.setTimeout(90_000);
  const { browser, context } = await phoneWithCamera(y4m(['MECARD:N:Morris,Helen;TEL:+44 7700 900456;;']));
  try {
    // The page's own requests for the reader (the service worker's precache asks once too).
    const asked = [];
    await context.route(/\/split_settings-[0-9a-f]{16}\.wasm$/, (route) => {
      if (!route.request().serviceWorker()) asked.push(route.request().url());
      return route.abort();
    });
    const b = await context.newPage();
    await openApp(b, '#/scan');
    await expect(b.getByRole('main').getByRole('status')).toHaveText(/^That is a contact card, and reading it needs the internet once/, { timeout: 20_000 });
    expect(asked.length).toBeGreaterThan(0);
    // Asked for once, not again at every frame while the badge is held up.
    const first = asked.length;
    await b.waitForTimeout(2000);
    expect(asked.length).toBe(first);
    await expect(b.getByRole('main').getByRole('status')).toHaveText(/^That is a contact card, and reading it needs the internet once/);
    await expect(b.getByRole('heading', { level: 1, name: 'Scan a code' })).toBeVisible();
    expect(await b.evaluate(() => !!document.querySelector('video'))).toBe(true);
  } finally {
    await browser.close();
  }
});

test('the QR decoder cannot be fetched (offline before the first visit finished): the scan page says so, and pasting still opens a map', async ({ page }) => {
  test.setTimeout(90_000);
  await seed(page, { 'cg.me': { ...MY_MAP, name: 'Ros' } });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const link = await shareLinkOf(page);
  const { browser, context, foreign } = await phoneWithCamera(y4m([link]));
  try {
    // Linux Chromium has no BarcodeDetector: reading a frame needs the decoder's chunk group.
    const asked = [];
    await context.route(/\/split_scanning-[0-9a-f]{16}\.wasm$/, (route) => (asked.push(route.request().url()), route.abort()));
    const b = await context.newPage();
    const errors = [];
    b.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await openApp(b);
    await b.getByRole('button', { name: 'Scan a code' }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'Scan a code' })).toBeVisible();
    await expect(b.getByRole('main').getByRole('status')).toHaveText(/The code reader is not on this phone yet/, { timeout: 15_000 });
    expect(asked.length).toBeGreaterThan(0);
    // The camera is off, and the paste box works without the decoder.
    await expect.poll(() => b.evaluate(() => !!document.querySelector('video')?.srcObject)).toBe(false);
    await expect(b.locator('video')).toBeHidden();
    await b.getByRole('textbox', { name: 'Paste a link' }).fill(link);
    await b.getByRole('button', { name: 'Open' }).click();
    await expect(b.getByRole('heading', { level: 1, name: "Ros's map" })).toBeVisible();
    expect(foreign).toEqual([]);
    expect(errors.filter((e) => !/split_scanning|Failed to fetch|ERR_FAILED/.test(e))).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('a refused camera says so and leaves the paste box, which opens a whole link or its #/m/ part', async ({ page }) => {
  test.setTimeout(90_000);
  await seed(page, { 'cg.me': { ...MY_MAP, name: 'Pat' } });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const plain = await shareLinkOf(page);
  const locked = await lockedLink(page, 'green kettle');

  const video = y4m([plain]);
  const { browser, context, foreign } = await phoneWithCamera(video, { fakeUi: false });
  try {
    const b = await context.newPage();
    await openApp(b);
    const cdp = await context.newCDPSession(b);
    await cdp.send('Browser.setPermission', { permission: { name: 'camera' }, setting: 'denied', origin: ORIGIN });
    await b.getByRole('button', { name: 'Scan a code' }).click();
    await expect(b.getByRole('main').getByRole('status')).toHaveText(/Camera access was refused/);
    const paste = b.getByRole('textbox', { name: 'Paste a link' });
    await expect(paste).toBeVisible();

    // Not a link of ours: says so, changes nothing.
    await paste.fill('https://example.org/');
    await b.getByRole('button', { name: 'Open' }).click();
    await expect(b.getByRole('alert')).toContainText('not a link to a Common Ground map');

    // Just the fragment, opened with Enter.
    await paste.fill('#/m/' + plain.split('#/m/')[1]);
    await paste.press('Enter');
    await expect(b.getByRole('heading', { level: 1, name: "Pat's map" })).toBeVisible();

    // A whole locked link, opened with "Open".
    await b.goto('/#/scan');
    await b.getByRole('textbox', { name: 'Paste a link' }).fill(locked);
    await b.getByRole('button', { name: 'Open' }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'A locked map' })).toBeVisible();
    await b.getByRole('textbox', { name: 'Passphrase' }).fill('green kettle');
    await b.getByRole('button', { name: 'Open' }).click();
    await expect(b.getByRole('heading', { level: 1, name: "Pat's map" })).toBeVisible();
    expect(foreign).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('where the camera has a light (Chrome on Android), "Light" switches it for a badge in a dim hall', async () => {
  test.setTimeout(90_000);
  const { browser, context } = await phoneWithCamera(y4m(['WIFI:S:cafe;;']));
  try {
    // Linux Chromium's fake camera has no light: no button.
    const plain = await context.newPage();
    await openApp(plain, '#/scan');
    await expect(plain.getByRole('main').getByRole('status')).toHaveText(/Point the camera|not a Common Ground map/);
    await expect(plain.getByRole('button', { name: 'Light' })).toHaveCount(0);
    await plain.close();

    // A camera with a light, as Chrome on Android reports one; what the page asks of it is kept.
    await context.addInitScript(() => {
      window.__torch = [];
      window.__refuse = false;
      const capabilities = MediaStreamTrack.prototype.getCapabilities;
      MediaStreamTrack.prototype.getCapabilities = function () {
        return { ...(capabilities ? capabilities.call(this) : {}), torch: true };
      };
      MediaStreamTrack.prototype.applyConstraints = async function (c) {
        if (window.__refuse) throw new DOMException('Could not apply', 'OverconstrainedError');
        window.__torch.push(c.advanced[0].torch);
      };
    });
    const b = await context.newPage();
    await openApp(b, '#/scan');
    const light = b.getByRole('button', { name: 'Light' });
    await expect(light).toHaveAttribute('aria-pressed', 'false');
    await light.click();
    await expect(light).toHaveAttribute('aria-pressed', 'true');
    await light.click();
    await expect(light).toHaveAttribute('aria-pressed', 'false');
    expect(await b.evaluate(() => window.__torch)).toEqual([true, false]);
    // Refused by the camera: said, and the button stays as it was.
    await b.evaluate(() => (window.__refuse = true));
    await light.click();
    await expect(b.getByRole('alert')).toHaveText('The camera would not switch its light. Tilt the badge towards a lamp instead.');
    await expect(light).toHaveAttribute('aria-pressed', 'false');
  } finally {
    await browser.close();
  }
});

test('no camera, or one busy in another app: a clear message and the paste box', async ({ page, newPhone }) => {
  await openApp(page, '#/scan');
  await expect(page.getByRole('heading', { level: 1, name: 'Scan a code' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('status')).toHaveText(/No camera could be found|Camera access was refused/);
  await expect(page.getByRole('textbox', { name: 'Paste a link' })).toBeVisible();
  await expect(page.locator('video')).toBeHidden();

  // What a browser answers when another app holds the camera.
  const ctx = await newPhone();
  await ctx.addInitScript(() => {
    // Init scripts also run in frames with no media devices (about:blank): only patch a real one.
    if (navigator.mediaDevices) {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Could not start video source', 'NotReadableError'));
    }
  });
  const busy = await ctx.newPage();
  await openApp(busy, '#/scan');
  await expect(busy.getByRole('main').getByRole('status')).toHaveText(
    'The camera is busy in another app. Close that app and come back, or paste the link below.',
  );
  await expect(busy.getByRole('textbox', { name: 'Paste a link' })).toBeVisible();
});

test('a map opened inside LinkedIn\'s own browser says to open it in a browser first, with the link to copy', async ({ page, newPhone }) => {
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const link = await shareLinkOf(page);
  const note = "You are in LinkedIn's own browser. What you save here stays inside LinkedIn, apart from your phone's browser and the Common Ground app, and may be lost.";

  // LinkedIn on an iPhone: its note, and not the notes about Safari, whose way out
  // ("Share, Add to Home Screen") is not on offer there.
  const ctx = await newPhone({ userAgent: IPHONE_UA.replace('Version/17.5 ', '').replace('Safari/604.1', '[LinkedInApp]/9.29.8173') });
  const inApp = await ctx.newPage();
  // A new notebook's Home says it before anything is saved there.
  await openApp(inApp);
  await expect(inApp.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await expect(inApp.getByText(note)).toBeVisible();
  await inApp.goto(link);
  await expect(inApp.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await expect(inApp.getByText(note)).toBeVisible();
  await expect(inApp.getByText('Using Common Ground from your Home Screen?', { exact: false })).toHaveCount(0);
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });
  await inApp.getByRole('button', { name: 'Copy the link' }).click();
  await expect(inApp.getByRole('status').filter({ hasText: 'Link copied' })).toHaveText("Link copied: paste it into your browser's address bar.");
  expect(await inApp.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // Home says it too, each time (nothing saved there is safe), and no Safari warning.
  await inApp.getByRole('button', { name: 'Save as acquaintance' }).click();
  await inApp.getByRole('link', { name: 'Home' }).click();
  await expect(inApp.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(inApp.getByText(note)).toBeVisible();
  await expect(inApp.getByRole('heading', { name: /may erase this notebook/ })).toHaveCount(0);

  // A browser: no such note.
  const browser = await (await newPhone()).newPage();
  await browser.goto(link);
  await expect(browser.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await expect(browser.getByText(note)).toHaveCount(0);
});

test('on an iPhone, a map opened in a Safari tab says once how to get it into the Home Screen app', async ({ page, newPhone }) => {
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const link = await shareLinkOf(page);
  const hint =
    'Using Common Ground from your Home Screen? It keeps its own notebook: open it and tap Scan a code, or copy this link and paste it there.';

  const safari = await (await newPhone({ userAgent: IPHONE_UA })).newPage();
  await safari.goto(link);
  await expect(safari.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await expect(safari.getByText(hint)).toBeVisible();
  await safari.reload();
  await expect(safari.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await expect(safari.getByRole('button', { name: 'Save as acquaintance' })).toBeVisible();
  await expect(safari.getByText(hint)).toHaveCount(0);

  // Not on an iPhone: no such note.
  const android = await (await newPhone()).newPage();
  await android.goto(link);
  await expect(android.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await expect(android.getByRole('button', { name: 'Save as acquaintance' })).toBeVisible();
  await expect(android.getByText(hint)).toHaveCount(0);

  // The Home Screen app itself: no note on a received map, and on a first run with an empty
  // notebook, the way to bring the Safari notebook over.
  const ctx = await newPhone({ userAgent: IPHONE_UA });
  await ctx.addInitScript(() => Object.defineProperty(navigator, 'standalone', { get: () => true }));
  const app = await ctx.newPage();
  await openApp(app);
  await expect(app.getByRole('heading', { name: 'Bring your notebook from Safari' })).toBeVisible();
  await expect(app.getByText('In Safari, open Common Ground, go to Settings and tap Export backup.')).toBeVisible();
  await app.goto(link);
  await expect(app.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await expect(app.getByRole('button', { name: 'Save as acquaintance' })).toBeVisible();
  await expect(app.getByText(hint)).toHaveCount(0);
  await app.getByRole('button', { name: 'Save as acquaintance' }).click();
  await app.getByRole('link', { name: 'Home' }).click();
  await expect(app.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Bring your notebook from Safari' })).toHaveCount(0);

  // Safari on an iPhone never offers it.
  const tab = await (await newPhone({ userAgent: IPHONE_UA })).newPage();
  await openApp(tab);
  await expect(tab.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await expect(tab.getByRole('heading', { name: 'Bring your notebook from Safari' })).toHaveCount(0);
});

// The link as sent in a message, and its QR form as a phone's camera opens it.
for (const [form, asOpened] of [['link', (l) => l], ['QR form', qrFormOf]]) test(`a shared ${form}: the boot screen says a shared map is opening, then the main module names the sender before the received page arrives`, async ({ page, newPhone }) => {
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const link = asOpened(await shareLinkOf(page));

  // axe is injected as a script, which the page's own CSP rightly forbids: bypass it here.
  const ctx = await newPhone({ serviceWorkers: 'block', bypassCSP: true });
  const b = await ctx.newPage();
  const held = [];
  const file = (route) => path.basename(new URL(route.request().url()).pathname);
  // Which files are held back, until released below (everything, at first).
  let hold = () => true;
  await b.route(/\.(wasm|bin)$/, (route) => (hold(file(route)) ? held.push(route) : route.continue()));
  await b.goto(link);
  await expect(b.getByText('Opening a shared map…')).toBeVisible();
  await expect(b.getByText('Common Ground keeps the people you meet and the interests you share, on your phone only.')).toBeVisible();
  // While the main module downloads, nothing else competes with it on a slow line.
  await expect.poll(() => held.map(file)).toContainEqual(expect.stringMatching(/^common-ground-.*_bg\.wasm$/));
  await b.waitForTimeout(300);
  expect(held.map(file).filter((f) => !/^common-ground-/.test(f))).toEqual([]);

  // The main module arrives: the received page's chunks and the word tables are asked for at
  // once, and while they are held the sender's name is on screen, read ahead from the link.
  const main = held.splice(held.findIndex((r) => /^common-ground-/.test(file(r))), 1)[0];
  hold = (f) => /^split_receiving-|^share-model/.test(f);
  await main.continue();
  await expect(b.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await expect(b.getByRole('main').getByText('Opening…', { exact: true })).toBeVisible();
  await expect(b.getByRole('main').getByText('Common Ground keeps the people you meet and the interests you share, on your phone only.')).toBeVisible();
  await expect(b.getByText('Opening a shared map…')).toHaveCount(0);
  await expect.poll(() => held.map(file)).toContainEqual(expect.stringMatching(/^split_receiving-/));
  await expect(b.getByRole('button', { name: 'Save as acquaintance' })).toHaveCount(0);
  await axeClean(b, 'received map, opening');

  // The rest arrives: the received page replaces "Opening…" under the same heading.
  hold = () => false;
  for (const route of held.splice(0)) await route.continue();
  await expect(b.getByRole('button', { name: 'Save as acquaintance' })).toBeVisible();
  await expect(b.getByText('Custard creams')).toBeVisible();
  await expect(b.getByRole('heading', { level: 1 })).toHaveText(["Claire's map"]);
  await expect(b.getByRole('main').getByText('Opening…', { exact: true })).toHaveCount(0);
  await expect(b.getByText('Common Ground keeps the people you meet and the interests you share, on your phone only.')).toHaveCount(0);

  await b.goto('about:blank');
  await b.goto('/#/');
  await expect(b.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(b.getByText('Opening a shared map…')).toHaveCount(0);
});

test('a locked link names nobody before its passphrase, even while its page downloads', async ({ page, newPhone }) => {
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const link = await lockedLink(page, 'blue teapot');
  const ctx = await newPhone({ serviceWorkers: 'block' });
  const b = await ctx.newPage();
  const held = [];
  let hold = true;
  await b.route(/split_receiving-.*\.wasm$/, (route) => (hold ? held.push(route) : route.continue()));
  await b.goto(link);
  await expect.poll(() => held.length).toBeGreaterThan(0);
  await expect(b.getByRole('main').getByText('Opening…', { exact: true })).toBeVisible();
  await expect(b.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(b.getByText('Claire')).toHaveCount(0);
  hold = false;
  for (const route of held.splice(0)) await route.continue();
  await expect(b.getByRole('heading', { level: 1, name: 'A locked map' })).toBeVisible();
});

test('a received map leads with what we share when I have a map, with the card first when not; saving stays in reach', async ({ page, newPhone }) => {
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const link = await shareLinkOf(page);

  for (const scheme of ['light', 'dark']) {
    const ctx = await newPhone({ bypassCSP: true, colorScheme: scheme });
    const b = await ctx.newPage();
    await seed(b, { 'cg.me': { name: 'Bea', interests: [['run', 'sport'], ['Jazz', 'arts'], ['Knitting', 'hobbies']] } });
    await b.goto(link);
    const venn = b.getByRole('img', { name: 'You and Claire share 3 interests' });
    await expect(venn).toBeVisible();
    const card = b.locator('.shared-name');
    expect((await venn.boundingBox()).y).toBeLessThan((await card.boundingBox()).y);
    await inFirstScreenful(b, b.getByRole('button', { name: 'Save as acquaintance' }));
    await b.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await inFirstScreenful(b, b.getByRole('button', { name: 'Save as acquaintance' }));
    await b.evaluate(() => window.scrollTo(0, 0));
    await axeClean(b, `received (${scheme})`);
    await shot(b, `received-${scheme}`);

    // Without a map of my own: who they are, first.
    const fresh = await (await newPhone({ colorScheme: scheme })).newPage();
    await fresh.goto(link);
    await inFirstScreenful(fresh, fresh.getByText('Claire', { exact: true }));
    await expect(fresh.getByRole('img', { name: /You and Claire/ })).toHaveCount(0);
    await expect(fresh.getByText(/To see what you share, make your own map: “Send mine back” below/)).toBeVisible();
    await inFirstScreenful(fresh, fresh.getByRole('button', { name: 'Save as acquaintance' }));
  }
});

test('a received map saved at "A new event…" named as tonight\'s meeting is filed under it; another name makes one, dated today', async ({ page }) => {
  const golden = (file) => JSON.parse(fs.readFileSync(new URL(`../data/links/format-3/${file}`, import.meta.url), 'utf8')).link;
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  await seed(page, {
    'cg.e.now': { id: 'now', name: 'Chamber breakfast', date: today, attendees: [], created: 1, updated: 1 },
    'cg.settings': { theme: 'system', last_backup: Date.now() },
  });
  const events = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cg.e.')).map((k) => JSON.parse(localStorage.getItem(k))));
  for (const [file, typed] of [['sample-map-20-1.json', ' chamber breakfast'], ['sample-map-8-0.json', 'Parkrun social']]) {
    await page.goto('/#/m/' + golden(file));
    await page.getByLabel('Met at').selectOption({ label: 'A new event…' });
    await page.getByRole('textbox', { name: 'New event name' }).fill(typed);
    await page.getByRole('button', { name: 'Save as acquaintance' }).click();
    await expect(page.getByRole('heading', { level: 1, name: file.includes('20-1') ? 'Zoe Taylor' : 'Fiona Clarke' })).toBeVisible();
  }
  const stored = await events();
  expect(stored).toHaveLength(2);
  const breakfast = stored.find((e) => e.id === 'now');
  expect(breakfast.attendees).toHaveLength(1);
  const parkrun = stored.find((e) => e.id !== 'now');
  expect(parkrun).toMatchObject({ name: 'Parkrun social', date: today });
  expect(parkrun.attendees).toHaveLength(1);
});

test("a map received from someone saved before says what is new on it since, in any spelling", async ({ page }) => {
  const link = JSON.parse(fs.readFileSync(new URL('../data/links/format-3/sample-map-8-0.json', import.meta.url), 'utf8')).link;
  await seed(page, {
    'cg.p.fc': { id: 'fc', name: 'fiona clarke', interests: [['Languages', 'learning'], ['Cycling', 'sport'], ['Knitting', 'hobbies']], created: 1, updated: 1 },
    'cg.p.zz': { id: 'zz', name: 'Zed', interests: [], created: 1, updated: 1 },
    'cg.settings': { theme: 'system', last_backup: Date.now() },
  });
  await page.goto('/#/m/' + link);
  const card = page.locator('.new-since');
  await expect(card).toHaveText('New since you saved fiona clarke: women in business, coding, grandchildren, sourdough starter named Doug, hiking and 1 more.');
  await card.getByRole('link', { name: 'fiona clarke' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'fiona clarke' })).toBeVisible();
  // Nobody saved by that name: nothing is said.
  const other = JSON.parse(fs.readFileSync(new URL('../data/links/format-3/sample-map-20-1.json', import.meta.url), 'utf8')).link;
  await page.goto('/#/m/' + other);
  await expect(page.getByRole('heading', { level: 1, name: "Zoe Taylor's map" })).toBeVisible();
  await expect(page.locator('.new-since')).toHaveCount(0);
});

test('"Send mine back" with no map: a quick map in six taps becomes My map and shows my QR', async ({ page, newPhone }) => {
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const link = await shareLinkOf(page);

  const b = await (await newPhone()).newPage();
  await b.goto(link);
  await b.getByRole('button', { name: 'Send mine back' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Your map in a minute' })).toBeVisible();
  await b.getByRole('textbox', { name: 'Your name' }).fill('Dev');
  // Three of Claire's interests and two common ones, then "Show my QR": six taps.
  for (const label of ['Jazz', 'Sourdough', 'Birdwatching', 'Theatre', 'Camping']) {
    await b.getByRole('button', { name: label, exact: true }).click();
    await expect(b.getByRole('button', { name: label, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(b.getByText('5 picked')).toBeVisible();
  await b.getByRole('button', { name: 'Show my QR' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Share my map' })).toBeVisible();
  await inFirstScreenful(b, b.getByRole('img', { name: 'QR code' }));
  await expect(b.locator('.share-summary')).toHaveText('5 interests · no contact details · Change');
  const back = await shareLinkOf(b);
  // Back on Claire's map, what we share now comes first.
  await b.goBack();
  await expect(b.getByRole('img', { name: 'You and Claire share 3 interests' })).toBeVisible();
  await b.goForward();
  await expect(b.getByRole('heading', { level: 1, name: 'Share my map' })).toBeVisible();

  await page.goto(back);
  await expect(page.getByRole('heading', { level: 1, name: "Dev's map" })).toBeVisible();
  await expect(page.getByRole('img', { name: 'You and Dev share 3 interests' })).toBeVisible();

  await b.getByRole('link', { name: 'My map' }).click();
  await expect(b.getByRole('textbox', { name: 'Your name' })).toHaveValue('Dev');
  await expect(b.getByRole('textbox', { name: 'Edit Camping' })).toHaveValue('Camping');
});

test('with no signal and no map, a received map, the quick map and my QR all work from the cache', async ({ page, newPhone }) => {
  await seed(page, { 'cg.me': MY_MAP });
  await page.getByRole('button', { name: 'Show my QR' }).click();
  const link = await shareLinkOf(page);

  // B opened the app once (the service worker has everything), made no map, and has no signal.
  const ctxB = await newPhone();
  const b = await ctxB.newPage();
  await openApp(b);
  await waitForServiceWorker(b);
  await ctxB.setOffline(true);
  await b.goto(link);
  await expect(b.getByRole('heading', { level: 1, name: "Claire's map" })).toBeVisible();
  await b.getByRole('button', { name: 'Send mine back' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Your map in a minute' })).toBeVisible();
  await b.getByRole('textbox', { name: 'Your name' }).fill('Dev');
  for (const label of ['Jazz', 'Sourdough', 'Camping']) await b.getByRole('button', { name: label, exact: true }).click();
  await b.getByRole('button', { name: 'Show my QR' }).click();
  await expect(b.getByRole('heading', { level: 1, name: 'Share my map' })).toBeVisible();
  await expect(b.getByRole('img', { name: 'QR code' })).toBeVisible();
  const back = await shareLinkOf(b);
  await b.goBack();
  await expect(b.getByRole('img', { name: 'You and Claire share 2 interests' })).toBeVisible();

  // The link made offline opens on A's phone as Dev's map.
  await page.goto(back);
  await expect(page.getByRole('heading', { level: 1, name: "Dev's map" })).toBeVisible();
  await expect(page.getByRole('img', { name: 'You and Dev share 2 interests' })).toBeVisible();
});

test('with no map, "Show my QR" opens the quick map; a typed interest joins it; a missing name or pick is said plainly', async ({ page }) => {
  // Home's "Show my QR" with no map yet opens the quick map.
  await openApp(page);
  await page.getByRole('button', { name: 'Show my QR' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your map in a minute' })).toBeVisible();
  await page.getByRole('button', { name: 'Show my QR' }).click();
  await expect(page.getByRole('alert')).toHaveText('Type your name first, so they know whose map it is.');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Eli');
  await page.getByRole('button', { name: 'Show my QR' }).click();
  await expect(page.getByRole('alert')).toHaveText('Tap at least one interest.');
  const add = page.getByRole('textbox', { name: 'Add interest' });
  await add.fill('Zorbing');
  await add.press('Enter');
  await expect(page.getByRole('button', { name: 'Zorbing' })).toHaveAttribute('aria-pressed', 'true');
  // A typed list is several interests, as everywhere else; one too long stays in the box with
  // the rest, said why, and what came before it is added.
  await add.fill(`Kite flying; canal boats, ${'x'.repeat(61)}, Bees`);
  await expect(page.getByText('An interest is 61 characters; the limit is 60. Shorten it by 1 to save.')).toBeVisible();
  await add.press('Enter');
  for (const label of ['Kite flying', 'canal boats']) {
    await expect(page.getByRole('button', { name: label, exact: true })).toHaveAttribute('aria-pressed', 'true');
  }
  await expect(add).toHaveValue(`${'x'.repeat(61)}, Bees`);
  await add.fill('Bees');
  await expect(page.getByText(/the limit is 60/)).toHaveCount(0);
  await add.press('Enter');
  await expect(add).toHaveValue('');
  await page.getByRole('button', { name: 'Show my QR' }).click();
  await expect(page.locator('.share-summary')).toHaveText('4 interests · no contact details · Change');
});

for (const scheme of ['light', 'dark']) {
  test(`the new swap screens pass axe and have screenshots (${scheme})`, async ({ newPhone }) => {
    const ctx = await newPhone({ bypassCSP: true, colorScheme: scheme });
    const page = await ctx.newPage();
    await seed(page, { 'cg.me': MY_MAP, 'cg.settings': { theme: 'system', last_backup: Date.now() } });
    // Each with its own heading: after a fragment-only navigation the previous screen's
    // heading would satisfy a wait for "a heading", and axe would scan the wrong screen.
    const screens = [
      ['share', '#/share', 'Share my map'],
      ['scan', '#/scan', 'Scan a code'],
      ['quick-map', '#/quick', 'Your map in a minute'],
    ];
    for (const [name, hash, heading] of screens) {
      await page.goto('/' + hash);
      await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
      if (name === 'share') {
        await expect(page.getByRole('img', { name: 'QR code' })).toBeVisible();
        await shot(page, `share-${scheme}`);
        await page.getByRole('button', { name: 'Change' }).click();
        await expect(page.getByRole('checkbox', { name: 'My phone' })).toBeVisible();
      }
      if (name === 'scan') await expect(page.getByRole('main').getByRole('status')).toHaveText(/camera/i);
      await axeClean(page, `${name} (${scheme})`);
      if (name !== 'share') await shot(page, `${name}-${scheme}`);
    }
  });
}
