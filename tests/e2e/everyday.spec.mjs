// The everyday app: first run, quick add at an event offline, follow-ups on Home, search,
// "who shares this?", "who to talk to", limits, accessibility and screenshots.
import fs from 'node:fs';
import { test, expect, openApp, waitForServiceWorker, createEvent, seed, person, fillStorage, shot, axeClean } from './fixtures.mjs';

// Fixed links (tests/data/links/): a received map and a locked one are screens too.
const goldenLink = (file) => JSON.parse(fs.readFileSync(new URL(`../data/links/format-3/${file}`, import.meta.url), 'utf8')).link;


test('first run offers the example map, and loading it fills My map', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await page.getByRole('button', { name: 'Load an example map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My map' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Edit Sourdough' })).toHaveValue('Sourdough');
  await expect(page.getByRole('textbox', { name: 'Edit Canal boats' })).toHaveValue('Canal boats');
  await expect(page.getByRole('img', { name: /Your map: 16 interests in 10 categories/ })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Edit Parkrun' })).toHaveValue('Parkrun');
});

test('three people quick-added at an event while offline stay under the event', async ({ page, context }) => {
  await openApp(page);
  await waitForServiceWorker(page);
  await page.getByRole('link', { name: 'Events' }).click();
  await page.getByRole('textbox', { name: 'Event name' }).fill('Chamber breakfast');
  await page.getByRole('textbox', { name: 'Purpose' }).fill('Local business');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chamber breakfast' })).toBeVisible();
  await context.setOffline(true);
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('At Chamber breakfast')).toBeVisible();
  for (const name of ['Ann', 'Ben', 'Cat']) {
    await page.getByRole('textbox', { name: 'Name' }).fill(name);
    await page.getByRole('textbox', { name: 'Add interest' }).fill('Cycling');
    // By Enter, or by the button named for what it adds (Ben's).
    if (name === 'Ben') await page.getByRole('button', { name: 'Add interest', exact: true }).click();
    else await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
    await expect(page.getByRole('textbox', { name: 'Add interest' })).toHaveValue('');
    await page.getByRole('button', { name: 'Save and add another' }).click();
    await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue('');
  }
  await page.reload();
  await page.getByRole('link', { name: 'Events' }).click();
  await page.getByRole('link', { name: /Chamber breakfast/ }).click();
  // The people met, latest first: the one just met is on top.
  await expect(page.locator('ul.person-list .person-name')).toHaveText(['Cat', 'Ben', 'Ann']);
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByText('3 people', { exact: true })).toBeVisible();
  // Still offline: the rows say where each was met, the sort works, a saved name is known.
  await expect(page.locator('.person-list .person-what').first()).toHaveText('Chamber breakfast, today');
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Recent' });
  await expect(page.locator('.person-list .person-name')).toHaveText(['Cat', 'Ben', 'Ann']);
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('ben');
  await expect(page.locator('.known-name')).toHaveText('Already saved: Ben (met at Chamber breakfast, ' + (await page.evaluate(() => new Date().toLocaleDateString('en', { month: 'short', year: 'numeric' }))) + '). See Ben');
});

test('once an event has begun its takeaways are one tap away, and a half-typed one survives a tab switch', async ({ page }) => {
  await openApp(page);
  await createEvent(page, 'Chamber breakfast');
  await page.getByRole('button', { name: 'Add takeaways' }).click();
  const takeaways = page.getByRole('textbox', { name: 'Takeaways' });
  await expect(takeaways).toBeFocused();
  await page.keyboard.type('Ask Ann about the co-working space');
  // A tab tapped mid-sentence keeps it.
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: 'Events' }).click();
  await page.getByRole('link', { name: /Chamber breakfast/ }).click();
  await expect(takeaways).toHaveValue('Ask Ann about the co-working space');
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(page.getByRole('heading', { name: 'Takeaways' })).toBeVisible();
  await expect(page.getByText('Ask Ann about the co-working space')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add takeaways' })).toHaveCount(0);

  // A meeting that has not happened yet has nothing to take away.
  await page.getByRole('link', { name: 'Events' }).click();
  await page.getByText('New event').click();
  await page.getByRole('textbox', { name: 'Event name' }).fill('Spring fair');
  await page.getByRole('textbox', { name: 'Date' }).fill('2099-04-01');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Spring fair' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Edit event' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add takeaways' })).toHaveCount(0);
});

test('a follow-up due today is on Home until it is marked done', async ({ page }) => {
  await openApp(page);
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await seed(page, Object.fromEntries([person('f1', 'Fran', [], { follow_ups: [{ due: today, text: 'Send the brochure' }] })]));
  const item = page.getByRole('checkbox', { name: /^Send the brochure/ });
  await expect(item).toBeVisible();
  await expect(page.getByRole('listitem').filter({ has: item }).getByRole('link', { name: 'Fran' })).toBeVisible();
  // The follow-up leaves the list as soon as it is ticked (with an Undo offered for a while),
  // so click rather than check().
  await item.click();
  await expect(item).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: /Send the brochure/ })).toHaveCount(0);
});

const fixture = Object.fromEntries([
  person('p1', 'Meg', [['run', 'sport'], ['Custard creams', 'food']], { notes: 'Her daughter plays netball at St Mary' }),
  person('p2', 'Raj', [['Running', 'sport']]),
  person('p3', 'Sue', [['runs', 'sport'], ['Knitting', 'hobbies']]),
  person('p4', 'Tom', [['Rum tasting', 'food']]),
  person('p5', 'Una', [['Knitting', 'hobbies']]),
]);

test('search finds a note word and an interest typed differently', async ({ page }) => {
  await seed(page, fixture);
  await page.getByRole('link', { name: 'People' }).click();
  const search = page.getByRole('searchbox', { name: 'Search', exact: true });
  await search.fill('netball');
  await expect(page.getByText('1 person', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Meg/ })).toBeVisible();
  await search.fill('Running');
  await expect(page.getByText('3 people', { exact: true })).toBeVisible();
  const names = await page.locator('.person-list .person-name').allTextContents();
  expect(names.sort()).toEqual(['Meg', 'Raj', 'Sue']);
});

test('"who shares this?" lists exactly the people with that interest', async ({ page }) => {
  await seed(page, fixture);
  await page.goto('/#/people/p2');
  await page.getByRole('link', { name: 'Running', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who shares this?' })).toBeVisible();
  await expect(page.getByText('3 people', { exact: true })).toBeVisible();
  const names = await page.locator('.person-list .person-name').allTextContents();
  expect(names).toEqual(['Meg', 'Raj', 'Sue']);
});

test('"who to talk to" ranks the room by what they share with me', async ({ page }) => {
  await seed(page, {
    ...Object.fromEntries([
      person('a', 'Alex', [['Accounting', 'work']]),
      person('b', 'Bea', [['Running', 'sport'], ['Accounting', 'work']]),
      person('c', 'Cy', [['Running', 'sport'], ['Choir', 'arts'], ['Baking', 'food']]),
      person('d', 'Di', [['Opera', 'arts']]),
    ]),
    'cg.me': { name: 'Me', interests: [['run', 'sport'], ['choir', 'arts'], ['accounting', 'work']] },
    'cg.e.ev': { id: 'ev', name: 'Rotary supper', date: '2026-11-01', attendees: ['a', 'b', 'c', 'd'], created: 1, updated: 1 },
  });
  await page.goto('/#/events/ev');
  const ranked = page.getByRole('list', { name: 'Who to talk to' }).getByRole('listitem');
  await expect(ranked).toHaveCount(4);
  const order = await ranked.locator('a').allTextContents();
  // Cy shares two non-work interests, Bea one non-work and one work, Alex work only, Di none.
  expect(order).toEqual(['Cy', 'Bea', 'Alex', 'Di']);
  await expect(ranked.first()).toContainText('You share run, choir');
  await expect(page.getByRole('list', { name: 'Introduce' })).toContainText('Bea and Cy: both into Running');
});

test('over-long input gets an inline message and keeps every keystroke', async ({ page }) => {
  await openApp(page, '#/people/new');
  const long = 'N'.repeat(105);
  await page.getByRole('textbox', { name: 'Name' }).fill(long);
  await expect(page.getByText('Name is 105 characters; the limit is 100. Shorten it by 5 to save.')).toBeVisible();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Name' })).toHaveValue(long);
  await expect(page.getByRole('heading', { level: 1, name: 'Add person' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Add interest' }).fill('x'.repeat(61));
  await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  await expect(page.getByText(/An interest is 61 characters; the limit is 60/)).toBeVisible();
});

// Each screen with the heading it must show: a fragment-only navigation keeps the old page
// until the new one is drawn, so waiting for "a heading" could scan the previous screen.
const screens = [
  ['home', '#/', 'Home'],
  ['my-map', '#/map', 'My map'],
  ['people', '#/people', 'People'],
  ['person', '#/people/p1', 'Meg'],
  ['events', '#/events', 'Events'],
  ['event', '#/events/ev', 'WI evening'],
  ['share', '#/share', 'Share my map'],
  ['settings', '#/settings', 'Settings'],
  ['who', '#/who/run', 'Who shares this?'],
  ['follow-ups', '#/follow-ups', 'Follow-ups'],
  ['add-person', '#/people/new', 'Add person'],
  ['not-found', '#/nowhere', 'Nothing here'],
  ['received-map', `#/m/${goldenLink('sample-map-20-1.json')}`, "Zoe Taylor's map"],
  ['locked-map', `#/m/${goldenLink('locked-full-payload.json')}`, 'A locked map'],
];

for (const scheme of ['light', 'dark']) {
  test(`no serious accessibility violation on any screen (${scheme}), no sideways scroll`, async ({ newPhone }) => {
    // axe is injected as a script, which the page's own CSP rightly forbids: bypass it here.
    const ctx = await newPhone({ bypassCSP: true, colorScheme: scheme });
    const page = await ctx.newPage();
    // The people as a user would have them (what they do, when and where we met), so the
    // README's pictures show what a real Home and person page look like.
    const met = {
      p1: ['Head of science, St Mary\'s', '2025-03-14', 'Chamber breakfast'],
      p2: ['Runs a bike repair shop', '2025-05-02', 'Parkrun'],
      p3: ['Retired midwife', '2026-10-20', 'WI evening'],
      p4: ['Distillery tours', '2026-11-01', 'WI evening'],
      p5: ['Knitwear designer', '2026-11-01', 'WI evening'],
    };
    // Interests close to another's but not the same, so the starters and "Close to it" that
    // name them are checked too.
    const close = { p1: [['Sea swimming', 'sport']], p4: [['Fell running', 'sport']] };
    const people = Object.fromEntries(Object.entries(fixture).map(([key, p]) => {
      const [what, met_on, met_where] = met[p.id];
      return [key, { ...p, what, met_on, met_where, interests: [...p.interests, ...(close[p.id] || [])] }];
    }));
    await seed(page, {
      ...people,
      'cg.me': { name: 'Claire', what: 'Marketing', interests: [['Running', 'sport'], ['Custard creams', 'food'], ['Choir', 'arts'], ['Wild swimming', 'sport']] },
      'cg.e.ev': { id: 'ev', name: 'WI evening', date: '2026-11-01', purpose: 'Crafts', attendees: ['p1', 'p2', 'p3'], created: 1, updated: 1 },
      // Last month's evening, so the event page shows its regulars.
      'cg.e.ev0': { id: 'ev0', name: 'WI evening', date: '2026-10-04', attendees: ['p3', 'p4'], created: 1, updated: 1 },
      // A recent backup, so the screenshots are not covered by the backup reminder.
      'cg.settings': { current_event: 'ev', theme: 'system', last_backup: Date.now() },
    });
    for (const [name, hash, heading] of screens) {
      await page.goto('/' + hash);
      await expect(page.getByRole('heading', { level: 1, name: heading, exact: true })).toBeVisible();
    // A received map's heading is on screen before its page (read ahead from the link).
    await expect(page.getByRole('main').getByText('Opening…', { exact: true })).toHaveCount(0);
      if (name === 'person') await expect(page.getByText('Ask them about Sea swimming: close to your Wild swimming')).toBeVisible();
      if (name === 'who') await expect(page.getByRole('list', { name: 'Close to it' }).getByRole('link')).toHaveText([/^Tom.*Fell running$/]);
      await axeClean(page, `${name} (${scheme})`);
      if (['home', 'my-map', 'person', 'event'].includes(name)) {
        await shot(page, `${name}-${scheme}`);
      }
      if (name === 'person') {
        // The fixed navigation would cover the bottom of a diagram in an element screenshot.
        await page.addStyleTag({ content: '.nav-bar { display: none; }' });
        await shot(page.getByRole('img', { name: /You and Meg share/ }), `venn-2-${scheme}`);
        await page.getByRole('searchbox', { name: 'Compare with' }).fill('raj');
        await page.getByRole('button', { name: 'Raj' }).click();
        await shot(page.getByRole('img', { name: /You, Meg and Raj/ }), `venn-3-${scheme}`);
      }
    }
  });
}

test('an event can take someone already saved, and a new person added from inside it', async ({ page }) => {
  await seed(page, {
    ...Object.fromEntries([person('a', 'Alex', []), person('b', 'Bea', [])]),
    'cg.e.ev': { id: 'ev', name: 'Rotary supper', date: '2026-11-01', attendees: ['a'], created: 1, updated: 1 },
  });
  await page.goto('/#/events/ev');
  const met = page.locator('ul.person-list');
  await expect(met.getByRole('link')).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'People I met here (1)', exact: true })).toBeVisible();
  // The ways to add someone come before the list, so a long evening's list never hides them.
  const above = async (a, b) => (await a.boundingBox()).y < (await b.boundingBox()).y;
  expect(await above(page.getByRole('button', { name: 'Add person here' }), met)).toBe(true);
  expect(await above(page.getByRole('searchbox', { name: 'Add someone already saved' }), met)).toBe(true);
  await page.getByRole('searchbox', { name: 'Add someone already saved' }).fill('be');
  await page.getByRole('button', { name: 'Add Bea' }).click();
  await expect(met.getByRole('link', { name: /^Bea/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'People I met here (2)', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Add person here' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Cleo');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('link', { name: /Rotary supper/ })).toBeVisible();
  await page.getByRole('link', { name: /Rotary supper/ }).click();
  await expect(met.getByRole('link')).toHaveCount(3);
  await page.getByRole('button', { name: 'Edit event' }).click();
  await page.getByRole('textbox', { name: 'Takeaways' }).fill('Bea knows the council recycling lead');
  await page.getByRole('button', { name: 'Save event' }).click();
  await page.reload();
  await expect(page.getByText('Bea knows the council recycling lead')).toBeVisible();
});

test('interests close to mine but not the same are starters, and the page says so', async ({ page }) => {
  await seed(page, {
    'cg.me': { name: 'Sam', interests: [['Wild swimming', 'sport'], ['School run', 'family'], ['Rugby', 'sport']] },
    ...Object.fromEntries([person('a', 'Tom', [['Sea swimming', 'sport'], ['Trail running', 'sport'], ['Cricket', 'sport']]), person('b', 'Ann', [['Rugby', 'sport']]), person('c', 'Bo', [['Chess', 'hobbies'], ['Cross-country running', 'sport']]), person('d', 'Di', [['wild swimming', 'hobbies']])]),
    'cg.e.ev': { id: 'ev', name: 'Lido social', date: '2026-11-01', attendees: ['a', 'b', 'c'], created: 1, updated: 1 },
  });
  await page.goto('/#/people/a');
  await expect(page.getByRole('heading', { level: 1, name: 'Tom' })).toBeVisible();
  await expect(page.getByText('Nothing in common word for word yet, but some of their interests are close to yours: see the starters below.')).toBeVisible();
  const starters = page.getByRole('list').filter({ has: page.getByText(/^Ask them about/) });
  // The school run is not running: only the swimming is near, and it is not asked about twice.
  await expect(starters.getByRole('listitem')).toHaveText([
    'Ask them about Sea swimming: close to your Wild swimming',
    'Ask them about Trail running',
    'Ask them about Cricket',
  ]);
  // The Venn still counts only what is the same interest.
  await expect(page.getByRole('img', { name: /You and Tom share no interests/ })).toBeVisible();
  // At an event, who to talk to ranks on what is shared, and says what is close.
  await page.goto('/#/events/ev');
  await expect(page.getByRole('list', { name: 'Who to talk to' }).getByRole('listitem')).toHaveText([
    'Ann — You share Rugby',
    'Tom — Nothing shared yet, but close: Sea swimming',
    'Bo — Nothing shared yet',
  ]);
  // Nobody here shares an interest outright; close ones make an introduction.
  await expect(page.getByRole('list', { name: 'Introduce' }).getByRole('listitem')).toHaveText([
    'Tom and Bo: Trail running and Cross-country running are close',
  ]);
  // Who shares this: the same interest first, then who has one close to it, and which.
  await page.goto('/#/who/Wild%20swimming');
  await expect(page.getByText('1 person', { exact: true })).toBeVisible();
  await expect(page.locator('main ul.person-list').first().getByRole('link')).toHaveText(['Di']);
  await expect(page.getByRole('heading', { name: 'Close to it' })).toBeVisible();
  // Each row says where that person was last met, if anywhere: Tom at the Lido social.
  await expect(page.getByRole('list', { name: 'Close to it' }).getByRole('link')).toHaveText([/^TomLido social, .+Sea swimming$/]);
  await page.goto('/#/who/Chess');
  await expect(page.getByRole('heading', { name: 'Close to it' })).toHaveCount(0);
});

test('a person page says which map is empty instead of comparing nothing', async ({ page }) => {
  await seed(page, Object.fromEntries([person('a', 'Priya', [['Sourdough', 'food']]), person('b', 'Sam', [])]));
  // A new user's first person: their own map is still empty.
  await page.goto('/#/people/a');
  await expect(page.getByRole('heading', { level: 1, name: 'Priya' })).toBeVisible();
  await expect(page.getByText('Your own map is empty, so there is nothing to compare yet. Add your interests on My map to see what you share with Priya.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Conversation starters' })).toHaveCount(0);
  await expect(page.getByRole('img', { name: /You and Priya/ })).toHaveCount(0);
  await page.getByRole('link', { name: 'Add your interests on My map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My map' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Add interest' }).fill('Cooking');
  await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  await expect(page.getByRole('button', { name: /Remove Cooking/ })).toBeVisible();
  // With both maps filled, the comparison is back, and the starters come from their map.
  await page.goto('/#/people/a');
  await expect(page.getByRole('img', { name: /You and Priya/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Conversation starters' })).toBeVisible();
  await expect(page.getByText('Ask them about Sourdough')).toBeVisible();
  await expect(page.getByText(/Your own map is empty/)).toHaveCount(0);
  // Someone saved with a name only.
  await page.goto('/#/people/b');
  await expect(page.getByRole('heading', { level: 1, name: 'Sam' })).toBeVisible();
  await expect(page.getByText('Sam has no interests noted yet, so there is nothing to compare.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Conversation starters' })).toHaveCount(0);
  // Empty sections say so rather than leaving a heading over nothing.
  await expect(page.getByText('None noted yet.', { exact: true })).toBeVisible();
  await expect(page.getByText('No notes yet.', { exact: true })).toBeVisible();
  await page.goto('/#/people/a');
  await expect(page.getByText('None noted yet.', { exact: true })).toHaveCount(0);
});

test('an event made by mistake can be deleted, the people met there kept, and Undo puts it back as it was', async ({ page }) => {
  await openApp(page);
  await createEvent(page, 'WI evening');
  await page.getByRole('button', { name: 'Add person here' }).click();
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Meg');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meg' })).toBeVisible();
  await page.getByRole('link', { name: /^WI evening/ }).click();
  const stored = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cg.e.')).length);
  expect(await stored()).toBe(1);
  await page.getByRole('button', { name: 'Delete event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted WI evening.' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^WI evening/ })).toHaveCount(0);
  expect(await stored()).toBe(0);
  const current = () => page.evaluate(() => JSON.parse(localStorage.getItem('cg.settings') || '{}').current_event ?? null);
  expect(await current()).toBeNull();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('link', { name: /^Meg/ })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WI evening' })).toBeVisible();
  await expect(page.locator('.person-list').getByRole('link', { name: /^Meg/ })).toBeVisible();
  await expect(page.getByText('Current event', { exact: true })).toBeVisible();
  expect(await stored()).toBe(1);
  expect(await current()).not.toBeNull();
});

test("at this month's meeting, last months' faces come with their names, and a tick files each as met here", async ({ page }) => {
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  const club = ['Cy', 'Di', 'Ed', 'Flo', 'Gus', 'Hal'].map((name, i) => person(`c${i}`, name, []));
  await seed(page, {
    ...Object.fromEntries([
      person('meg', 'Meg', [['Bookkeeping', 'work'], ['Running', 'sport']], { what: 'Florist', follow_ups: [{ due: '', text: 'Send the brochure' }] }),
      person('ann', 'Ann', [], { what: 'Retired headteacher' }),
      person('zed', 'Zed', []),
      ...club,
    ]),
    'cg.me': { name: 'Claire', interests: [['Bookkeeping', 'work'], ['Running', 'sport']] },
    'cg.e.now': { id: 'now', name: 'Chamber breakfast', date: today, attendees: [], created: 1, updated: 1 },
    // The same meeting in earlier months, its name typed differently on another day.
    'cg.e.oct': { id: 'oct', name: 'Chamber Breakfast', date: '2026-10-07', attendees: ['meg', 'ann', ...club.map(([, p]) => p.id)], created: 1, updated: 1 },
    'cg.e.nov': { id: 'nov', name: 'chamber breakfast ', date: '2026-11-04', attendees: ['meg'], created: 1, updated: 1 },
    'cg.e.run': { id: 'run', name: 'Parkrun social', date: '2026-11-20', attendees: ['zed'], created: 1, updated: 1 },
    'cg.settings': { current_event: 'now', theme: 'system', last_backup: Date.now() },
  });
  // Home, at the door, names them.
  const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Current event' }) });
  await expect(card.getByText(/^Regulars to look out for/)).toHaveText('Regulars to look out for: Meg, Ann, Cy and 5 more');
  await page.goto('/#/events/now');
  const regulars = page.getByRole('region', { name: 'Regulars' });
  await expect(regulars.getByText('People I met at other meetings of “Chamber breakfast”. Tick who is here.')).toBeVisible();
  // Tonight's needs no reminder in a calendar.
  await expect(page.getByRole('button', { name: 'Add to calendar' })).toHaveCount(0);
  // Meg was at two of them, so she comes first; six of the eight before "Show all"; nobody
  // from the parkrun.
  const boxes = regulars.getByRole('checkbox');
  await expect(boxes).toHaveCount(6);
  await expect(boxes.first()).toHaveAccessibleName('Meg');
  await expect(boxes.first()).toHaveAccessibleDescription(/^Florist · last met .+, 2 times You share Running, Bookkeeping To do: Send the brochure$/);
  await expect(regulars.getByRole('checkbox', { name: 'Zed' })).toHaveCount(0);
  await regulars.getByRole('button', { name: 'Show all 8' }).click();
  await expect(boxes).toHaveCount(8);
  await expect(regulars.getByRole('checkbox', { name: 'Ann' })).toHaveAccessibleDescription(/^Retired headteacher · last met /);
  // A tick files her as met here, where the list of people met shows her, and a reload keeps it.
  const met = page.locator('ul.person-list');
  await regulars.getByRole('checkbox', { name: 'Meg' }).check();
  await expect(met.getByRole('link', { name: /^Meg/ })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'People I met here (1)', exact: true })).toBeVisible();
  await expect(boxes.first()).toHaveAccessibleName('Meg');
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(card.getByText(/^Regulars to look out for/)).toHaveText('Regulars to look out for: Ann, Cy, Di and 4 more');
  await page.goBack();
  await page.reload();
  await expect(regulars.getByRole('checkbox', { name: 'Meg' })).toBeChecked();
  await expect(met.getByRole('link', { name: /^Meg/ })).toBeVisible();
  // A wrong tick is taken back the same way.
  await regulars.getByRole('checkbox', { name: 'Meg' }).uncheck();
  await expect(met.getByRole('link')).toHaveCount(0);
  await page.reload();
  await expect(regulars.getByRole('checkbox', { name: 'Meg' })).not.toBeChecked();
  // The first meeting of anything has no regulars to offer.
  await page.goto('/#/events/run');
  await expect(page.getByRole('heading', { level: 1, name: 'Parkrun social' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Regulars' })).toHaveCount(0);
});

test("next month's meeting is one tap: 'Another meeting of' fills it from the last, and its regulars are there", async ({ page }) => {
  await seed(page, {
    ...Object.fromEntries([person('meg', 'Meg', [])]),
    'cg.e.oct': { id: 'oct', name: 'Chamber breakfast', date: '2026-10-07', place: 'Town hall', group: 'Chamber of Commerce', purpose: 'Local business', attendees: [], created: 1, updated: 1 },
    'cg.e.nov': { id: 'nov', name: 'Chamber breakfast', date: '2026-11-04', time: '07:30', place: 'The Guildhall', group: 'Chamber of Commerce', purpose: 'Local business networking', attendees: ['meg'], created: 1, updated: 1 },
    'cg.e.run': { id: 'run', name: 'Parkrun social', date: '2026-11-20', attendees: [], created: 1, updated: 1 },
    'cg.e.wi': { id: 'wi', name: 'AGM', group: 'WI', date: '2026-09-01', attendees: [], created: 1, updated: 1 },
    'cg.e.rot': { id: 'rot', name: 'AGM', group: 'Rotary', date: '2026-08-01', attendees: [], created: 1, updated: 1 },
    'cg.settings': { theme: 'system', last_backup: Date.now() },
  });
  await page.goto('/#/events');
  await page.getByText('New event', { exact: true }).click();
  const again = page.getByRole('group', { name: 'Another meeting of' });
  // Each series once, its latest meeting first; two clubs' AGMs say whose.
  await expect(again.getByRole('button')).toHaveText(['Parkrun social', 'Chamber breakfast', 'AGM · WI', 'AGM · Rotary']);
  await again.getByRole('button', { name: 'Chamber breakfast' }).click();
  await expect(page.getByRole('textbox', { name: 'Event name' })).toHaveValue('Chamber breakfast');
  await expect(page.getByRole('textbox', { name: 'Place' })).toHaveValue('The Guildhall');
  await expect(page.getByLabel('Time')).toHaveValue('07:30');
  await expect(page.getByRole('textbox', { name: 'Group or club' })).toHaveValue('Chamber of Commerce');
  await expect(page.getByRole('textbox', { name: 'Purpose' })).toHaveValue('Local business networking');
  // The date stays today's: a new meeting, not a copy of the last.
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  await expect(page.getByLabel('Date')).toHaveValue(today);
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Chamber breakfast' })).toBeVisible();
  await expect(page.getByText('Current event', { exact: true })).toBeVisible();
  const regulars = page.getByRole('region', { name: 'Regulars' });
  await expect(regulars.getByText('People I met at other meetings of Chamber of Commerce. Tick who is here.')).toBeVisible();
  await expect(regulars.getByRole('checkbox')).toHaveCount(1);
  await expect(regulars.getByRole('checkbox', { name: 'Meg' })).not.toBeChecked();
});

test('a meeting already noted for the day is opened, not made twice, unless I say so', async ({ page }) => {
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  await seed(page, {
    'cg.e.now': { id: 'now', name: 'Chamber breakfast', date: today, attendees: [], created: 1, updated: 1 },
    'cg.settings': { theme: 'system', last_backup: Date.now() },
  });
  await page.goto('/#/events');
  const count = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cg.e.')).length);
  await page.getByText('New event', { exact: true }).click();
  await page.getByRole('group', { name: 'Another meeting of' }).getByRole('button', { name: 'Chamber breakfast' }).click();
  await page.getByRole('button', { name: 'Create event' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'is already noted' });
  await expect(warning).toHaveText(/^“Chamber breakfast” is already noted for today\./);
  expect(await count()).toBe(1);
  // Another day is another meeting: the warning goes with the change.
  const nextWeek = await page.evaluate(() => { const d = new Date(); d.setDate(d.getDate() + 7); return d.toLocaleDateString('en-CA'); });
  await page.getByLabel('Date').fill(nextWeek);
  await expect(warning).toHaveCount(0);
  await page.getByLabel('Date').fill(today);
  await page.getByRole('button', { name: 'Create event' }).click();
  await warning.getByRole('button', { name: 'Open it' }).click();
  await expect(page).toHaveURL(/#\/events\/now$/);
  expect(await count()).toBe(1);
  // What was typed for it is done with: the form opens empty. Two sessions of one meeting on
  // the same day are possible too.
  await page.goto('/#/events');
  await page.getByText('New event', { exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Event name' })).toHaveValue('');
  await page.getByRole('textbox', { name: 'Event name' }).fill('chamber breakfast');
  await page.getByLabel('Time').fill('19:00');
  await page.getByRole('button', { name: 'Create event' }).click();
  await warning.getByRole('button', { name: 'Create another' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'chamber breakfast' })).toBeVisible();
  expect(await count()).toBe(2);
  // Choosing where someone was met, the two sessions of the day are told apart by the time.
  await page.getByRole('button', { name: 'Add person here' }).click();
  const options = await page.getByLabel('Met at').locator('option').allTextContents();
  expect(options).toContain('Chamber breakfast (today)');
  expect(options.some((o) => /^chamber breakfast \(today, (19:00|7:00\sPM)\)$/.test(o))).toBe(true);
});

test("an event's summary is copied or shared as text, without anyone's contact details, and shown to copy by hand if the clipboard refuses", async ({ page, context }) => {
  // A share sheet that keeps what it was given, as a phone's would show it.
  await page.addInitScript(() => {
    navigator.share = async (data) => { window.shared = data; };
  });
  await seed(page, {
    ...Object.fromEntries([
      person('raj', 'Raj Patel', [], { what: 'Runs a bike repair shop', contact: { phone: '+44 7700 900123' }, follow_ups: [{ due: '', text: 'Send the guide' }] }),
      person('ola', 'Ola Nowak', []),
    ]),
    'cg.e.ev': { id: 'ev', name: 'Chamber breakfast', place: 'Town hall', purpose: 'Local business networking', takeaways: 'Raj needs a bookkeeper.', attendees: ['raj', 'ola'], created: 1, updated: 1 },
    'cg.settings': { theme: 'system', last_backup: Date.now() },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page.url()).origin });
  await page.goto('/#/events/ev');
  const expected = [
    'Chamber breakfast', 'Town hall', 'Purpose: Local business networking', '',
    'People I met (2):', '- Raj Patel — Runs a bike repair shop', '- Ola Nowak', '',
    'Follow-ups:', '- Raj Patel: Send the guide', '',
    'Takeaways:', 'Raj needs a bookkeeper.', '',
  ].join('\n');
  await page.getByRole('button', { name: 'Copy summary' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Summary copied.' })).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  await page.getByRole('button', { name: 'Share summary' }).click();
  await expect.poll(() => page.evaluate(() => window.shared)).toEqual({ title: 'Chamber breakfast', text: expected });
  // A browser that refuses the clipboard: the text, to select by hand.
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError')); });
  await page.getByRole('button', { name: 'Copy summary' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Could not copy: select the summary below and copy it by hand.' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Summary' })).toHaveValue(expected);
});

for (const scheme of ['light', 'dark']) {
  test(`the monthly-meeting screens pass axe and fit the phone (${scheme})`, async ({ newPhone }) => {
    const ctx = await newPhone({ bypassCSP: true, colorScheme: scheme });
    const page = await ctx.newPage();
    const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
    await seed(page, {
      ...Object.fromEntries([
        person('meg', 'Meg O’Brien', [['Running', 'sport']], { what: 'Garden designer', follow_ups: [{ due: '', text: 'Send the bakery course link' }] }),
        person('ann', 'Ann Smith', [['Choir', 'hobbies']], { what: 'Retired headteacher' }),
        person('fc', 'Fiona Clarke', [['Languages', 'learning']]),
      ]),
      'cg.me': { name: 'Claire', interests: [['Running', 'sport'], ['Choir', 'hobbies']] },
      'cg.e.now': { id: 'now', name: 'Chamber breakfast', date: today, time: '07:30', place: 'Town hall', attendees: [], created: 1, updated: 1 },
      'cg.e.oct': { id: 'oct', name: 'Chamber breakfast', date: '2026-10-07', attendees: ['meg', 'ann'], created: 1, updated: 1 },
      'cg.settings': { theme: 'system', last_backup: Date.now() },
    });
    // Home offering today's meeting.
    await expect(page.getByRole('button', { name: 'I am at Chamber breakfast' })).toBeVisible();
    await axeClean(page, `home, today's meeting (${scheme})`);
    // The new-event form with its chips and time, and the twin warning.
    await page.goto('/#/events');
    await page.getByText('New event', { exact: true }).click();
    await page.getByRole('group', { name: 'Another meeting of' }).getByRole('button', { name: 'Chamber breakfast' }).click();
    await page.getByRole('button', { name: 'Create event' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'is already noted' })).toBeVisible();
    await axeClean(page, `new event, twin warning (${scheme})`);
    // The event with its regulars and the summary typed out by hand.
    await page.goto('/#/events/now');
    await expect(page.getByRole('region', { name: 'Regulars' })).toBeVisible();
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError')); });
    await page.getByRole('button', { name: 'Copy summary' }).click();
    await expect(page.getByRole('textbox', { name: 'Summary' })).toBeVisible();
    await axeClean(page, `event, regulars and summary (${scheme})`);
    // Quick add with someone known and "Met again at".
    await page.getByRole('button', { name: 'I am at Chamber breakfast' }).or(page.getByRole('button', { name: 'Mark as current event' })).first().click();
    await page.getByRole('button', { name: 'Add person here' }).click();
    await page.getByRole('textbox', { name: 'Name' }).fill('Ann Smith');
    await expect(page.getByRole('button', { name: 'Met again at Chamber breakfast' })).toBeVisible();
    await axeClean(page, `add person, met again (${scheme})`);
    // A map from someone saved before, saying what is new on it.
    await page.goto('/#/m/' + goldenLink('sample-map-8-0.json'));
    await expect(page.locator('.new-since')).toContainText('New since you saved Fiona Clarke');
    await axeClean(page, `received map, new since (${scheme})`);
  });
}

test('a regular ticked with the storage full is said, kept in this tab, and nothing stored is written over', async ({ page }) => {
  await seed(page, {
    ...Object.fromEntries([person('meg', 'Meg', [])]),
    'cg.e.now': { id: 'now', name: 'WI evening', date: '2026-11-01', attendees: [], created: 1, updated: 1 },
    'cg.e.old': { id: 'old', name: 'WI evening', date: '2026-10-04', attendees: ['meg'], created: 1, updated: 1 },
    'cg.settings': { theme: 'system', last_backup: Date.now() },
  });
  await page.goto('/#/events/now');
  const stored = () => page.evaluate(() => localStorage.getItem('cg.e.now'));
  const before = await stored();
  // Last month's evening: who was there, not who is; and nothing to put in a calendar.
  await expect(page.getByRole('button', { name: 'Add to calendar' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Regulars' }).getByText('People I met at other meetings of “WI evening”. Tick who was there.')).toBeVisible();
  await fillStorage(page);
  await page.getByRole('region', { name: 'Regulars' }).getByRole('checkbox', { name: 'Meg' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'storage for the app is full' })).toBeVisible();
  await expect(page.locator('ul.person-list').getByRole('link', { name: /^Meg/ })).toBeVisible();
  expect(await stored()).toBe(before);
});

test("on the day, Home offers last week's note of tonight's meeting as the one I am at; one tap files people under it", async ({ page }) => {
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA'));
  await seed(page, {
    'cg.e.run': { id: 'run', name: 'Parkrun social', date: today, attendees: [], created: 1, updated: 1 },
    'cg.e.old': { id: 'old', name: 'Chamber breakfast', date: '2026-11-04', attendees: [], created: 1, updated: 1 },
    'cg.settings': { theme: 'system', last_backup: Date.now() },
  });
  const todayCard = page.locator('section.card', { has: page.getByRole('heading', { name: 'Today', exact: true }) });
  await expect(todayCard.getByRole('link')).toHaveText(['Parkrun social']);
  await expect(todayCard).toContainText('Once you are there, one tap files the people you add under it.');
  await todayCard.getByRole('button', { name: 'I am at Parkrun social' }).click();
  const current = page.locator('section.card', { has: page.getByRole('heading', { name: 'Current event' }) });
  await expect(current.getByRole('link', { name: 'Parkrun social' })).toBeVisible();
  await expect(todayCard).toHaveCount(0);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Pat Runner');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('link', { name: /Parkrun social/ })).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('cg.e.run')).attendees)).toHaveLength(1);
  // Ended, it is offered again (it is still today), and nothing is filed under it meanwhile.
  await page.getByRole('link', { name: 'Home' }).click();
  await current.getByRole('button', { name: 'End event' }).click();
  await expect(todayCard.getByRole('button', { name: 'I am at Parkrun social' })).toBeVisible();
});

test("noting next week's event while at tonight's keeps tonight's as the current one", async ({ page }) => {
  await openApp(page);
  await createEvent(page, 'Chamber breakfast');
  await expect(page.getByText('Current event', { exact: true })).toBeVisible();
  // Told about a meeting next week, I note it while still at this one.
  const nextWeek = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 7);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await page.getByRole('link', { name: 'Events' }).click();
  await page.getByText('New event', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Event name' }).fill('Parkrun social');
  await page.getByLabel('Date').fill(nextWeek);
  await page.getByLabel('Time').fill('19:00');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Parkrun social' })).toBeVisible();
  // Its day and time as the phone's language says them.
  await expect(page.getByText(/^next week, (19:00|7:00\sPM)$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Mark as current event' })).toBeVisible();
  await expect(page.getByText('Current event', { exact: true })).toHaveCount(0);
  // Into the phone's calendar, so next week's meeting is not forgotten.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Add to calendar' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('event.ics');
  const ics = fs.readFileSync(await download.path(), 'utf8');
  expect(ics).toContain('SUMMARY:Parkrun social\r\n');
  expect(ics).toContain(`DTSTART:${nextWeek.replaceAll('-', '')}T190000\r\nDURATION:PT2H\r\n`);
  expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(1);
  // In the list it is "next week", with no "0 met" for a meeting still to come.
  await page.getByRole('link', { name: 'Events' }).click();
  await expect(page.getByRole('link', { name: /^Parkrun social/ })).toHaveText(/^Parkrun social\s*next week, (19:00|7:00\sPM)$/);
  await expect(page.getByRole('link', { name: /^Chamber breakfast/ })).toHaveText(/today · 0 met$/);
  await page.getByRole('link', { name: /^Parkrun social/ }).click();
  // Someone I will see there is filed under it, and that changes nothing about tonight.
  await page.getByRole('button', { name: 'Add person here' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Pat Later');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('link', { name: /Parkrun social/ })).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Current event' }) });
  await expect(card.getByRole('link', { name: 'Chamber breakfast' })).toBeVisible();
  // The next person met tonight is filed under tonight's event.
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Tina Tonight');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tina Tonight' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Chamber breakfast/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /Parkrun social/ })).toHaveCount(0);
});
