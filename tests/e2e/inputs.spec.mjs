// iOS Safari zooms the whole page into any text field whose font is smaller than 16 px, and
// does not zoom back out. Every input, textarea and select on every screen must be ≥ 16 px.
import { test, expect, openApp, addPerson, seed, person } from './fixtures.mjs';

// Inputs that take no typing, so iOS never zooms into them.
const NOT_TEXT = ['checkbox', 'radio', 'color', 'file', 'range', 'hidden', 'button', 'submit', 'reset', 'image'];

async function fieldSizes(page) {
  return page.evaluate((notText) => {
    const out = [];
    for (const el of document.querySelectorAll('input, textarea, select')) {
      if (el.tagName === 'INPUT' && notText.includes(el.type)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const label = el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent.trim() : '') || el.name || el.tagName;
      out.push({ field: `${el.tagName.toLowerCase()} "${label}"`, px: parseFloat(getComputedStyle(el).fontSize) });
    }
    return out;
  }, NOT_TEXT);
}

test('every text field on every screen is at least 16 px', async ({ page, newPhone }) => {
  const seen = [];
  const check = async (screen) => {
    const fields = await fieldSizes(page);
    for (const f of fields) seen.push({ screen, ...f });
    return fields.length;
  };
  const nav = (name) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();

  await openApp(page);
  await check('Home');
  await nav('My map');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Iris');
  await page.getByRole('textbox', { name: 'Add interest' }).fill('Pottery');
  await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  await expect(page.getByRole('textbox', { name: 'Edit Pottery' })).toBeVisible();
  expect(await check('My map')).toBeGreaterThan(1);
  await page.getByRole('button', { name: 'Share my map' }).click();
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#\/m\/.+/);
  await check('Share');
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await page.getByRole('textbox', { name: 'Passphrase (optional)' }).fill('kiln');
  await page.getByRole('button', { name: 'Lock link' }).click();
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/#\/m\/.+/);
  const locked = await page.getByRole('textbox', { name: 'Share link' }).inputValue();

  await nav('Home');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toBeVisible();
  expect(await check('Add person')).toBeGreaterThan(1);
  await addPerson(page, { name: 'Pat', interests: ['Pottery'] });
  await check('A person');
  await nav('People');
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  expect(await check('People')).toBeGreaterThan(0);
  await nav('Events');
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  // With no events yet, the "New event" form is open.
  expect(await check('Events')).toBeGreaterThan(0);
  await nav('Settings');
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await check('Settings');

  // The screens a link opens, on another phone.
  const other = await (await newPhone()).newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 1, name: "Iris's map" })).toBeVisible();
  await expect(other.getByRole('button', { name: 'Save as acquaintance' })).toBeVisible();
  for (const f of await fieldSizes(other)) seen.push({ screen: 'Received map', ...f });
  await other.goto(locked);
  await expect(other.getByRole('textbox', { name: 'Passphrase' })).toBeVisible();
  const lockedFields = await fieldSizes(other);
  expect(lockedFields.length).toBeGreaterThan(0);
  for (const f of lockedFields) seen.push({ screen: 'Locked map', ...f });

  expect(seen.length).toBeGreaterThan(8);
  const small = seen.filter((f) => !(f.px >= 16)).map((f) => `${f.screen}: ${f.field} is ${f.px} px`);
  expect(small, 'text fields under 16 px').toEqual([]);
});

// Where a focused field sits against the sticky header (when it sticks) and the fixed tabs.
async function clearance(page, field) {
  return field.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const header = document.querySelector('.app-header');
    const sticks = getComputedStyle(header).position === 'sticky';
    const nav = document.querySelector('nav[aria-label="Main"]').getBoundingClientRect();
    return {
      focused: document.activeElement === el,
      top: r.top,
      bottom: r.bottom,
      headerBottom: sticks ? header.getBoundingClientRect().bottom : 0,
      navTop: nav.top,
      navHeight: nav.height,
      scrollY: window.scrollY,
    };
  });
}

test('a phone held sideways: the header scrolls away, the tabs are a thumb high, Name is in view', async ({ page }) => {
  await page.setViewportSize({ width: 740, height: 360 });
  await openApp(page);
  await page.getByRole('button', { name: 'Add person' }).click();
  const name = page.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  const at = await clearance(page, name);
  expect(at.bottom, 'Name, focused on arrival, is above the tabs').toBeLessThanOrEqual(at.navTop);
  expect(at.navHeight).toBeGreaterThanOrEqual(44);
  expect(at.navHeight).toBeLessThan(50);
  // Typing the notes: the header has gone, so the field and the keyboard share what is left.
  const notes = page.getByRole('textbox', { name: 'Notes' });
  await notes.focus();
  const typing = await clearance(page, notes);
  expect(typing.scrollY).toBeGreaterThan(0);
  expect(typing.headerBottom, 'the header does not stick').toBe(0);
  expect(typing.bottom).toBeLessThanOrEqual(typing.navTop);
  expect(await page.getByRole('button', { name: 'Back' }).boundingBox().then((b) => b.y + b.height)).toBeLessThanOrEqual(0);
  // Held upright again, the header sticks as before.
  await page.setViewportSize({ width: 360, height: 740 });
  const upright = await clearance(page, notes);
  expect(upright.headerBottom).toBeGreaterThan(0);
});

test('a long unbroken name, job, note, interest or address never pushes any page sideways', async ({ page }) => {
  // A web address pasted as a name, an email as a job: words no line can break.
  const long = (s) => s + 'x'.repeat(70);
  await page.setViewportSize({ width: 320, height: 640 });
  await seed(page, Object.fromEntries([
    person('p1', long('=HYPERLINK("http://evil.example/'), [[long('wildswimming'), 'sport'], ['Running', 'sport']], {
      what: long('founder@'),
      notes: long('https://example.org/'),
      contact: { phone: '+44 7700 900123', email: long('meg@'), web: long('https://example.org/'), social: long('linkedin.com/in/') },
      follow_ups: [{ due: '2026-12-01', text: long('send') }],
      met_where: long('Hall'),
    }),
    person('p2', 'Ann', [['Running', 'sport']]),
    ['cg.e.ev', { id: 'ev', name: long('Chamber'), date: '2026-12-01', place: long('Town'), purpose: long('Networking'), attendees: ['p1', 'p2'], created: 1, updated: 1 }],
    ['cg.me', { name: long('Claire'), interests: [['Running', 'sport'], [long('wildswimming'), 'sport']] }],
    ['cg.settings', { current_event: 'ev', theme: 'system', last_backup: Date.now() }],
  ]));
  const wide = [];
  for (const hash of ['#/', '#/people', '#/people/p1', '#/events', '#/events/ev', '#/follow-ups', '#/map', '#/share', `#/who/${encodeURIComponent(long('wildswimming'))}`]) {
    await page.goto('/' + hash);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForTimeout(200);
    const over = await page.evaluate(() => {
      const w = document.documentElement.clientWidth;
      if (document.documentElement.scrollWidth <= w) return null;
      const e = [...document.querySelectorAll('main *')].find((e) => e.getBoundingClientRect().right > w + 1);
      return `${document.documentElement.scrollWidth} px wide, first ${e ? e.tagName.toLowerCase() + '.' + e.className : '?'}`;
    });
    if (over) wide.push(`${hash}: ${over}`);
  }
  expect(wide).toEqual([]);
});
