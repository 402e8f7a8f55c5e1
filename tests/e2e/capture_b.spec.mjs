// Issue 12, second half: follow-ups you can trust (only the box ticks, Undo, Overdue first,
// edit, snooze, delete, calendar export), partial words that match and say why, interests
// filed in the right category, dates as people say them, and Venn labels that never overlap
// or cut a word — with screenshots and an axe scan of the changed screens.
import { test, expect, openApp, seed, person, shot, axeClean } from './fixtures.mjs';
import fs from 'node:fs';


test.use({ locale: 'en-GB' });

/** The browser's local date `days` from today, as the app stores dates. */
async function dayFromToday(page, days) {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);
}

async function stored(page, key) {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key)), key);
}

/** Fran has one overdue and one due-today follow-up; Bob one with no date. */
async function seedFollowUps(page) {
  await openApp(page);
  const [today, late, soon] = [await dayFromToday(page, 0), await dayFromToday(page, -3), await dayFromToday(page, 5)];
  await seed(page, Object.fromEntries([
    person('f1', 'Fran', [], {
      follow_ups: [
        { due: today, text: 'Send the brochure' },
        { due: late, text: 'Call about the quote' },
        { due: soon, text: 'Book the venue' },
      ],
    }),
    person('b1', 'Bob', [], { follow_ups: [{ due: '', text: 'Lend him the book' }] }),
  ]));
  return { today, late, soon };
}

test('Home follow-ups: the name is a link, only the box ticks, Undo for 10 s, overdue first', async ({ page }) => {
  await seedFollowUps(page);
  const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Follow-ups due' }) });
  const rows = card.getByRole('listitem');
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText('Call about the quote');
  await expect(rows.first()).toContainText('Overdue');
  await expect(rows.nth(1)).not.toContainText('Overdue');
  await expect(card).not.toContainText('(due');
  // The person's name is a link to them.
  await expect(rows.first().getByRole('link', { name: 'Fran' })).toHaveAttribute('href', '#/people/f1');
  const box = card.getByRole('checkbox', { name: /^Send the brochure/ });
  const size = await box.boundingBox();
  expect(size.width).toBeGreaterThanOrEqual(44);
  expect(size.height).toBeGreaterThanOrEqual(44);
  // Tapping the words does not tick anything.
  await card.getByText('Send the brochure').click();
  await expect(box).not.toBeChecked();
  await expect(rows).toHaveCount(2);
  // Ticking offers Undo, which puts it back.
  await box.click();
  await expect(rows).toHaveCount(1);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(rows).toHaveCount(2);
  expect((await stored(page, 'cg.p.f1')).follow_ups[0].done).toBe(false);
  // Ticked and left alone: Undo goes after ten seconds, and the tick sticks.
  await card.getByRole('checkbox', { name: /^Send the brochure/ }).click();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await page.waitForTimeout(8_000);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0, { timeout: 4_000 });
  expect((await stored(page, 'cg.p.f1')).follow_ups[0].done).toBe(true);
  // Following the link opens Fran.
  await rows.first().getByRole('link', { name: 'Fran' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fran' })).toBeVisible();
});

test('on the person page a follow-up can be edited, snoozed and deleted; no date, no "(due )"', async ({ page }) => {
  const { today, late } = await seedFollowUps(page);
  await page.goto('/#/people/b1');
  await expect(page.getByRole('checkbox', { name: /^Lend him the book/ })).toBeVisible();
  await expect(page.locator('main')).not.toContainText('due )');
  await expect(page.locator('main')).not.toContainText('(due');
  await page.goto('/#/people/f1');
  const row = (text) => page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: new RegExp(`^${text}`) }) });
  await expect(row('Call about the quote')).toContainText('Overdue');
  // Snooze the overdue one a day: due tomorrow, counted from today.
  await row('Call about the quote').getByRole('button', { name: '+1 day' }).click();
  await expect(row('Call about the quote')).toContainText('due tomorrow');
  await expect(row('Call about the quote')).not.toContainText('Overdue');
  expect((await stored(page, 'cg.p.f1')).follow_ups[1].due).toBe(await dayFromToday(page, 1));
  // A week later than its date.
  await row('Send the brochure').getByRole('button', { name: '+1 week' }).click();
  await expect(row('Send the brochure')).toContainText('due next week');
  expect((await stored(page, 'cg.p.f1')).follow_ups[0].due).toBe(await dayFromToday(page, 7));
  // Edit its words and date.
  await row('Send the brochure').getByRole('button', { name: 'Change' }).click();
  await page.getByRole('textbox', { name: 'Follow-up text' }).fill('Send the new brochure');
  await page.getByLabel('Due date').fill(today);
  await page.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(row('Send the new brochure')).toContainText('due today');
  // Delete one.
  await row('Book the venue').getByRole('button', { name: 'Change' }).click();
  await page.getByRole('button', { name: 'Delete follow-up' }).click();
  await expect(page.getByRole('checkbox', { name: /^Book the venue/ })).toHaveCount(0);
  const left = (await stored(page, 'cg.p.f1')).follow_ups.map((f) => [f.text, f.due]);
  expect(left).toEqual([['Send the new brochure', today], ['Call about the quote', await dayFromToday(page, 1)]]);
  expect(late).not.toBe(today);
});

test('every follow-up in one list: overdue, today, coming up, no date; a tick stays until I leave', async ({ page }) => {
  await seedFollowUps(page);
  // Home links to the whole list, with how many are open (two due, one later, one undated).
  await page.getByRole('link', { name: 'All follow-ups (4)', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
  await expect(page).toHaveURL(/#\/follow-ups$/);
  await expect(page.getByText('4 follow-ups to do.', { exact: true })).toBeVisible();
  const groups = page.locator('main section h2');
  await expect(groups).toHaveText(['Overdue', 'Today', 'Coming up', 'No date']);
  const group = (name) => page.locator('main section', { has: page.getByRole('heading', { level: 2, name, exact: true }) });
  await expect(group('Overdue')).toContainText('Call about the quote');
  await expect(group('Today')).toContainText('Send the brochure');
  await expect(group('Coming up')).toContainText('Book the venue');
  await expect(group('Coming up')).toContainText('due in 5 days');
  // Each says whose it is, as a link to them.
  await expect(group('No date').getByRole('link', { name: 'Bob' })).toHaveAttribute('href', '#/people/b1');
  await expect(group('Today').getByRole('link', { name: 'Fran' })).toHaveAttribute('href', '#/people/f1');

  // A tick is saved, and the row stays, ticked, so a wrong tick is taken back in place.
  const brochure = page.getByRole('checkbox', { name: /^Send the brochure/ });
  await group('Today').getByText('Send the brochure').click();
  await expect(brochure).not.toBeChecked();
  await brochure.click();
  await expect(brochure).toBeChecked();
  await expect(page.getByText('3 follow-ups to do.', { exact: true })).toBeVisible();
  expect((await stored(page, 'cg.p.f1')).follow_ups[0].done).toBe(true);
  await brochure.click();
  await expect(brochure).not.toBeChecked();
  expect((await stored(page, 'cg.p.f1')).follow_ups[0].done).toBe(false);
  await brochure.click();
  expect((await stored(page, 'cg.p.f1')).follow_ups[0].done).toBe(true);

  // Put off a week, the overdue one moves to "Coming up".
  await group('Overdue').getByRole('button', { name: '+1 week' }).click();
  await expect(groups).toHaveText(['Today', 'Coming up', 'No date']);
  await expect(group('Coming up').getByRole('listitem').first()).toContainText('Book the venue');
  await expect(group('Coming up').getByRole('listitem').nth(1)).toContainText('Call about the quote');
  expect((await stored(page, 'cg.p.f1')).follow_ups[1].due).toBe(await dayFromToday(page, 7));

  // Deleted from here, it comes back with Undo, in its place in Fran's list.
  await group('Coming up').getByRole('listitem').first().getByRole('button', { name: 'Change' }).click();
  await page.getByRole('button', { name: 'Delete follow-up' }).click();
  await expect(page.getByRole('checkbox', { name: /^Book the venue/ })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Book the venue”.' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('checkbox', { name: /^Book the venue/ })).toBeVisible();
  expect((await stored(page, 'cg.p.f1')).follow_ups.map((f) => f.text))
    .toEqual(['Send the brochure', 'Call about the quote', 'Book the venue']);

  // Back is Home; the ticked one has left the list there and here, and with nothing due
  // Home says what comes next.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toHaveCount(0);
  await expect(page.getByText('Next: “Book the venue” · Fran, due in 5 days.')).toBeVisible();
  await page.getByRole('link', { name: 'All follow-ups (3)', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: /^Send the brochure/ })).toHaveCount(0);
  await expect(page.getByText('3 follow-ups to do.', { exact: true })).toBeVisible();

  // A reload keeps the page; with nothing to follow up it says where follow-ups come from.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Follow-ups' })).toBeVisible();
  await seed(page, Object.fromEntries([person('b1', 'Bob', [])]));
  await page.goto('/#/follow-ups');
  await expect(page.getByText(/^Nothing to follow up\./)).toBeVisible();
  await page.getByRole('link', { name: 'Open People' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await page.goto('/#/');
  await expect(page.getByRole('link', { name: /^All follow-ups/ })).toHaveCount(0);
});

test('left open overnight, Home and the list of follow-ups move on to the new day', async ({ page }) => {
  // 23:58 on the evening of an event; the app stays open (a phone keeps it in memory).
  await page.clock.install({ time: new Date(2026, 11, 1, 23, 58) });
  await seed(page, Object.fromEntries([
    person('f1', 'Fran', [], { follow_ups: [{ due: '2026-12-02', text: 'Send the brochure' }] }),
  ]));
  await expect(page.getByText('Next: “Send the brochure” · Fran, due tomorrow.')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toHaveCount(0);
  // Midnight passes with Home on screen.
  await page.clock.runFor('03:00');
  await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: /^Send the brochure/ })).toBeVisible();
  await expect(page.getByText('due today')).toBeVisible();

  // The list of all, left open while the phone slept for two days: opened again, it is read
  // afresh (timers held back while a phone sleeps are not to be relied on).
  await page.getByRole('link', { name: 'All follow-ups (1)', exact: true }).click();
  const groups = page.locator('main section h2');
  await expect(groups).toHaveText(['Today']);
  await page.clock.setSystemTime(new Date(2026, 11, 4, 8, 30));
  await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange', { bubbles: true })));
  await expect(groups).toHaveText(['Overdue']);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByText(/^Overdue · due/)).toBeVisible();
});

test('"Worth a catch-up" names the people met long ago with nothing planned, not those with a follow-up to do', async ({ page }) => {
  await seed(page, Object.fromEntries([
    person('q', 'Quiet Quentin', []),
    person('b', 'Bob', [], { follow_ups: [{ due: '', text: 'Lend him the book' }] }),
    person('d', 'Dora', [], { follow_ups: [{ due: '', text: 'Undated and done', done: true }] }),
    person('e', 'Eve', [], { follow_ups: [{ due: '1970-02-01', text: 'Followed up since we met', done: true }] }),
  ]));
  const section = page.locator('section', { has: page.getByRole('heading', { name: 'Worth a catch-up' }) });
  await expect(section.getByRole('link')).toHaveText(['Dora', 'Quiet Quentin']);
  await expect(page.getByRole('link', { name: 'All follow-ups (1)', exact: true })).toBeVisible();
});

test("a follow-up's date is one tap: Today, Tomorrow, In a week, No date", async ({ page }) => {
  await seedFollowUps(page);
  await page.goto('/#/people/b1');
  const words = page.getByRole('textbox', { name: 'Follow-up', exact: true });
  const due = page.getByLabel('Due', { exact: true });
  // Today is the default, and the chip says so.
  await expect(page.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-pressed', 'true');
  await expect(due).toHaveValue(await dayFromToday(page, 0));
  await page.getByRole('button', { name: 'In a week' }).click();
  await expect(due).toHaveValue(await dayFromToday(page, 7));
  await expect(page.getByRole('button', { name: 'In a week' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByRole('button', { name: 'Today' })).toHaveAttribute('aria-pressed', 'false');
  await words.fill('Send the cargo bike article');
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(page.getByRole('checkbox', { name: 'Send the cargo bike article due next week' })).toBeVisible();
  await page.getByRole('button', { name: 'Tomorrow' }).click();
  await words.fill('Ring the hall');
  await words.press('Enter');
  await page.getByRole('button', { name: 'No date' }).click();
  await expect(due).toHaveValue('');
  await words.fill('Lend the pump');
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  const saved = (await stored(page, 'cg.p.b1')).follow_ups.map((f) => [f.text, f.due]);
  expect(saved).toEqual([
    ['Lend him the book', ''],
    ['Send the cargo bike article', await dayFromToday(page, 7)],
    ['Ring the hall', await dayFromToday(page, 1)],
    ['Lend the pump', ''],
  ]);
  // A date picked in the box that is none of them leaves every chip unpressed.
  await due.fill(await dayFromToday(page, 3));
  for (const name of ['Today', 'Tomorrow', 'In a week', 'No date']) {
    await expect(page.getByRole('button', { name })).toHaveAttribute('aria-pressed', 'false');
  }
});

test('a follow-up needs words and fits on a line, each said plainly; a deleted one comes back with Undo', async ({ page }) => {
  const { today, late, soon } = await seedFollowUps(page);
  await page.goto('/#/people/f1');
  const row = (text) => page.getByRole('listitem').filter({ has: page.getByRole('checkbox', { name: new RegExp(`^${text}`) }) });
  const saved = async () => (await stored(page, 'cg.p.f1')).follow_ups.map((f) => [f.text, f.due]);
  const before = [['Send the brochure', today], ['Call about the quote', late], ['Book the venue', soon]];
  // "Add follow-up" with nothing typed says what is missing instead of doing nothing.
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(page.getByRole('alert')).toHaveText('Write what to follow up first.');
  // Too long: said under the field as it is typed, and not added; nothing typed is cut.
  const long = 'Ask about the allotment waiting list '.repeat(9);
  await page.getByRole('textbox', { name: 'Follow-up' }).fill(long);
  await expect(page.getByText(`Follow-up is ${long.length} characters; the limit is 300. Shorten it by ${long.length - 300} to save.`)).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(page.getByRole('textbox', { name: 'Follow-up' })).toHaveValue(long);
  expect(await saved()).toEqual(before);
  // Emptied words are refused too, and the follow-up keeps its own.
  await row('Send the brochure').getByRole('button', { name: 'Change' }).click();
  await page.getByRole('textbox', { name: 'Follow-up text' }).fill('  ');
  await page.getByRole('button', { name: 'Save follow-up' }).click();
  await expect(page.getByRole('alert')).toHaveText('Write what to follow up first.');
  expect(await saved()).toEqual(before);
  // A deleted follow-up comes back where it was.
  await row('Call about the quote').getByRole('button', { name: 'Change' }).click();
  await page.getByRole('button', { name: 'Delete follow-up' }).nth(1).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Call about the quote”.' })).toBeVisible();
  expect(await saved()).toEqual([before[0], before[2]]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row('Call about the quote')).toContainText('Overdue');
  expect(await saved()).toEqual(before);
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveCount(0);
  // The phone's Enter ("done") adds a follow-up, and saves an edited one, rather than opening
  // the date picker of the next field.
  await page.getByRole('textbox', { name: 'Follow-up' }).fill('Ring about the hall');
  await page.getByRole('textbox', { name: 'Follow-up' }).press('Enter');
  await expect(row('Ring about the hall')).toContainText('due today');
  await expect(page.getByRole('textbox', { name: 'Follow-up' })).toHaveValue('');
  await row('Send the brochure').getByRole('button', { name: 'Change' }).click();
  await page.getByRole('textbox', { name: 'Follow-up text' }).fill('Send the new brochure');
  await page.getByRole('textbox', { name: 'Follow-up text' }).press('Enter');
  await expect(row('Send the new brochure')).toBeVisible();
  expect((await saved()).map(([t]) => t)).toEqual(['Send the new brochure', 'Call about the quote', 'Book the venue', 'Ring about the hall']);
});

/** Reads the .ics a click on "Export to calendar" downloads. */
async function exportCalendar(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to calendar' }).click()]);
  expect(file.suggestedFilename()).toMatch(/\.ics$/);
  return fs.readFileSync(await file.path(), 'utf8');
}

test('follow-ups export to a calendar file from the list of all and from a person', async ({ page }) => {
  const { today, late, soon } = await seedFollowUps(page);
  // Desk work, not event work: the button is on the Follow-ups page, not on Home.
  await expect(page.getByRole('heading', { name: 'Follow-ups due' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export to calendar' })).toHaveCount(0);
  await page.getByRole('link', { name: /^All follow-ups/ }).click();
  const all = await exportCalendar(page);
  expect(all.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toBe(true);
  expect(all.replace(/\r\n/g, '')).not.toContain('\n');
  for (const line of all.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  // Fran's three dated ones; Bob's has no date, so no place on a calendar.
  expect(all.match(/BEGIN:VEVENT/g)).toHaveLength(3);
  for (const d of [today, late, soon]) expect(all).toContain(`DTSTART;VALUE=DATE:${d.replace(/-/g, '')}\r\n`);
  expect(all).toContain('SUMMARY:Book the venue (Fran)');
  expect(all).toMatch(/UID:f1-0-/);
  expect(all).toMatch(/DTSTAMP:\d{8}T\d{6}Z/);
  await page.goto('/#/people/f1');
  await page.getByRole('listitem').filter({ hasText: 'Book the venue' }).getByRole('checkbox').check();
  const hers = await exportCalendar(page);
  expect(hers.match(/BEGIN:VEVENT/g)).toHaveLength(2);
  expect(hers).not.toContain('Book the venue');
});

test('half-typed words are suggested and found, ranked, each result saying why', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'My map' }).click();
  const add = page.getByRole('textbox', { name: 'Add interest' });
  const suggestions = page.getByRole('list', { name: 'Suggestions' });
  for (const [typed, want] of [['Runn', 'Running'], ['Gardeni', 'Gardening'], ['Marketi', 'Marketing'], ['Recy', 'Recycling']]) {
    await add.fill(typed);
    await expect(suggestions.getByRole('button', { name: want, exact: true })).toBeVisible();
  }
  await seed(page, {
    ...Object.fromEntries([
      person('a', 'Ann', [['Running', 'sport'], ['Gardening', 'hobbies']]),
      person('c', 'Cat', [], { notes: 'Hates running, loves tea' }),
      person('d', 'Dan', [['Recycling scheme', 'local'], ['Marketing', 'work']]),
      person('m', 'Mary Jones', []),
      person('r', 'Raj', []),
    ]),
    'cg.e.ev': { id: 'ev', name: 'Business club', date: '2026-11-01', place: "St Mary's church hall", attendees: ['r'], created: 1, updated: 1 },
  });
  await page.getByRole('link', { name: 'People' }).click();
  const search = page.getByRole('searchbox', { name: 'Search', exact: true });
  const rows = page.locator('.person-list li');
  await search.fill('runn');
  await expect(page.getByText('2 people', { exact: true })).toBeVisible();
  await expect(rows.nth(0)).toContainText('Ann');
  await expect(rows.nth(0)).toContainText('interest: Running');
  await expect(rows.nth(1)).toContainText('Cat');
  await expect(rows.nth(1)).toContainText('note: …hates running');
  for (const [typed, who, why] of [['Gardeni', 'Ann', 'interest: Gardening'], ['Marketi', 'Dan', 'interest: Marketing'], ['Recy', 'Dan', 'interest: Recycling scheme']]) {
    await search.fill(typed);
    await expect(page.getByRole('link', { name: new RegExp(`^${who}.*${why}`) })).toBeVisible();
  }
  await search.fill('mary');
  await expect(page.getByText('2 people', { exact: true })).toBeVisible();
  await expect(rows.nth(0)).toContainText('Mary Jones');
  await expect(rows.nth(1)).toContainText("Raj");
  await expect(rows.nth(1)).toContainText("met at St Mary's church hall");
  // The Interest filter takes half-typed words too.
  await search.fill('');
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('textbox', { name: 'Interest' }).fill('Gardeni');
  await expect(page.getByText('1 person', { exact: true })).toBeVisible();
  await expect(rows.nth(0)).toContainText('Ann');
});

test('a search is kept: Home\'s box opens it, Back from a person and a reload bring it back, the People tab clears it', async ({ newPhone }) => {
  const page = await (await newPhone({ bypassCSP: true })).newPage();
  await seed(page, {
    ...Object.fromEntries([
      person('a', 'Ann', [['Running', 'sport'], ['Gardening', 'hobbies']]),
      person('c', 'Cat', [], { notes: 'Hates running, loves tea' }),
      person('d', 'Dan', [['Marketing', 'work']]),
      person('s', 'Sue', [['Running club', 'sport']]),
    ]),
    'cg.e.ev': { id: 'ev', name: 'Business club', date: '2026-11-01', attendees: ['a', 's'], created: 1, updated: 1 },
  });
  // Home: the box is there once someone is saved, and its words open People with them.
  const homeBox = page.getByRole('searchbox', { name: 'Search people' });
  await homeBox.fill('runn');
  await axeClean(page, 'Home with its search box');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const search = page.getByRole('searchbox', { name: 'Search', exact: true });
  const rows = page.locator('.person-list li');
  await expect(search).toHaveValue('runn');
  await expect(page.getByText('3 people', { exact: true })).toBeVisible();
  expect(page.url()).toContain('#/people?q=runn');
  // The keyboard's Enter (its "Search" key) puts the keyboard away: the box loses focus.
  await search.fill('Runn');
  await search.press('Enter');
  await expect(search).not.toBeFocused();
  expect(page.url()).toContain('#/people?q=Runn');
  // A filter goes with it.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('combobox', { name: 'Category' }).selectOption({ label: 'Sport & fitness' });
  await page.getByRole('combobox', { name: 'Event' }).selectOption('ev');
  await expect(page.getByText('2 people', { exact: true })).toBeVisible();
  // Back from a person: the same search, the same filters (shown open) and the same people.
  await page.getByRole('link', { name: /^Sue/ }).click();
  await expect(page.getByRole('heading', { name: 'Sue', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(search).toHaveValue('Runn');
  await expect(page.getByRole('combobox', { name: 'Category' })).toHaveValue('sport');
  await expect(page.getByRole('combobox', { name: 'Event' })).toHaveValue('ev');
  await expect(page.getByRole('combobox', { name: 'Category' })).toBeVisible();
  await expect(page.getByText('2 people', { exact: true })).toBeVisible();
  await expect(rows.nth(0)).toContainText('Ann');
  await expect(rows.nth(1)).toContainText('Sue');
  // A reload keeps it too.
  await page.reload();
  await expect(search).toHaveValue('Runn');
  await expect(page.getByText('2 people', { exact: true })).toBeVisible();
  // The People tab is everyone again.
  await page.getByRole('link', { name: 'People' }).click();
  await expect(search).toHaveValue('');
  await expect(page.getByRole('combobox', { name: 'Category' })).toHaveValue('');
  await expect(page.getByText('4 people', { exact: true })).toBeVisible();
  // Back: Home, where the search began (one entry for all the typing and filtering).
  await page.goBack();
  await expect(search).toHaveValue('Runn');
  await page.goBack();
  await expect(homeBox).toBeVisible();
  // A fragment that cannot be read in part still opens People with the rest.
  await page.goto(`${new URL(page.url()).origin}/#/people?q=%ZZ&i=Gardeni`);
  await expect(page.getByText('1 person', { exact: true })).toBeVisible();
  await expect(rows.nth(0)).toContainText('Ann');
  await expect(search).toHaveValue('');
  await expect(page.getByRole('textbox', { name: 'Interest' })).toHaveValue('Gardeni');
});

test('People sorts by name, by recent, or by most in common with me; the order is kept like the search', async ({ page }) => {
  await seed(page, {
    'cg.me': { name: 'Claire', interests: [['Running', 'sport'], ['Allotment', 'local'], ['Custard creams', 'food']] },
    ...Object.fromEntries([
      person('p1', 'Ann Archer', [['Knitting', 'hobbies']], { updated: 5 }),
      person('p2', 'Bob Bell', [['Allotments', 'local'], ['Running', 'sport']], { updated: 9 }),
      person('p3', 'Cat Cole', [['Custard cream', 'food']], { updated: 1 }),
      person('p4', 'Dee Dunn', [['Chess', 'hobbies'], ['runs', 'sport']], { updated: 7 }),
    ]),
  });
  await page.getByRole('link', { name: 'People' }).click();
  const names = () => page.locator('.person-list .person-name').allTextContents();
  const sort = page.getByRole('combobox', { name: 'Sort' });
  await expect(sort).toHaveValue('name');
  expect(await names()).toEqual(['Ann Archer', 'Bob Bell', 'Cat Cole', 'Dee Dunn']);
  await sort.selectOption({ label: 'Recent' });
  await expect(page).toHaveURL(/#\/people\?o=recent$/);
  expect(await names()).toEqual(['Bob Bell', 'Dee Dunn', 'Ann Archer', 'Cat Cole']);
  // Bob shares two of mine, Cat and Dee one each (in name order), Ann none; each row says what.
  await sort.selectOption({ label: 'Most in common' });
  await expect(page).toHaveURL(/#\/people\?o=shared$/);
  expect(await names()).toEqual(['Bob Bell', 'Cat Cole', 'Dee Dunn', 'Ann Archer']);
  await expect(page.locator('.person-list .search-why')).toHaveText([
    'You share Running, Allotment',
    'You share Custard creams',
    'You share Running',
  ]);
  // With words typed, the order still holds among those found.
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('run');
  await expect(page.getByText('2 people', { exact: true })).toBeVisible();
  expect(await names()).toEqual(['Bob Bell', 'Dee Dunn']);
  // Back from a person and a reload keep it; the People tab starts again by name.
  await page.getByRole('link', { name: /^Dee Dunn/ }).click();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(sort).toHaveValue('shared');
  await page.reload();
  await expect(sort).toHaveValue('shared');
  await expect(page.getByRole('searchbox', { name: 'Search', exact: true })).toHaveValue('run');
  await page.getByRole('link', { name: 'People' }).click();
  await expect(sort).toHaveValue('name');
  expect(await names()).toEqual(['Ann Archer', 'Bob Bell', 'Cat Cole', 'Dee Dunn']);
  await expect(page.getByRole('link', { name: 'add your interests' })).toHaveCount(0);
  // With no map of mine, "Most in common" says what it needs.
  await page.evaluate(() => localStorage.removeItem('cg.me'));
  await page.goto('/#/people?o=shared');
  await page.reload();
  await page.getByRole('link', { name: 'add your interests' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My map' })).toBeVisible();
});

test('each row in People says where and when that person was last met', async ({ page }) => {
  await openApp(page);
  const today = await dayFromToday(page, 0);
  await seed(page, {
    'cg.e.e1': { id: 'e1', name: 'WI evening', date: '2024-03-05', attendees: ['p1', 'p2'], created: 1, updated: 1 },
    'cg.e.e2': { id: 'e2', name: 'Chamber breakfast', date: today, attendees: ['p2'], created: 1, updated: 1 },
    'cg.e.e3': { id: 'e3', name: 'Undated meetup', date: '', attendees: ['p3'], created: 1, updated: 1 },
    ...Object.fromEntries([
      person('p1', 'Ann Archer', [], { what: 'Florist' }),
      person('p2', 'Bob Bell', []),
      person('p3', 'Cat Cole', []),
      person('p4', 'Dee Dunn', [], { what: 'Plumber' }),
    ]),
  });
  await page.getByRole('link', { name: 'People' }).click();
  const row = (name) => page.locator('.person-list li').filter({ hasText: name }).locator('.person-what');
  await expect(row('Ann Archer')).toHaveText('Florist · WI evening, Mar 2024');
  await expect(row('Bob Bell')).toHaveText('Chamber breakfast, today');
  await expect(row('Cat Cole')).toHaveText('Undated meetup');
  await expect(row('Dee Dunn')).toHaveText('Plumber');
});

test('a search that finds nobody offers to add them, name filled in, never over a draft\'s own name', async ({ page }) => {
  await seed(page, Object.fromEntries([person('a', 'Ann', [['Running', 'sport']])]));
  await page.getByRole('link', { name: 'People' }).click();
  const search = page.getByRole('searchbox', { name: 'Search', exact: true });
  await search.fill('ann');
  await expect(page.getByText('1 person', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add person' })).toBeVisible();
  await search.fill('the woman from the bakery stall');
  await expect(page.getByText('0 people', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add person' })).toBeVisible();
  await search.fill('helen  o\'brien');
  await page.getByRole('button', { name: 'Add Helen O\'brien' }).click();
  await expect(page.getByRole('heading', { name: 'Add person', level: 1 })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Helen O\'brien');
  // A half-typed person is kept: the name handed over fills an empty Name only.
  await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Tom');
  await page.getByRole('link', { name: 'People' }).click();
  await search.fill('Zoë');
  await page.getByRole('button', { name: 'Add Zoë' }).click();
  await expect(page.getByText('Draft restored')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toHaveValue('Tom');
});

test('Back returns to the place in a long list; a page opened anew starts at the top', async ({ page }) => {
  const names = Array.from({ length: 60 }, (_, i) => `Person ${String(i).padStart(2, '0')}`);
  await seed(page, Object.fromEntries(names.map((n, i) => person(`p${i}`, n, [['Running', 'sport']]))));
  await page.getByRole('link', { name: 'People' }).click();
  const row = page.getByRole('link', { name: /^Person 45/ });
  await row.scrollIntoViewIfNeeded();
  const left = await page.evaluate(() => window.scrollY);
  expect(left).toBeGreaterThan(1000);
  await row.click();
  await expect(page.getByRole('heading', { name: 'Person 45', level: 1 })).toBeVisible();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(row).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - left)).toBeLessThanOrEqual(2);
  // Forward and Back again, by the browser's own buttons.
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Person 45', level: 1 })).toBeVisible();
  await page.goBack();
  await expect(row).toBeInViewport();
  // The People tab opens the list anew, at the top.
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search', exact: true })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('Back returns past "Show more": the rows drawn are kept with the place', async ({ page }) => {
  const names = Array.from({ length: 150 }, (_, i) => `Person ${String(i).padStart(3, '0')}`);
  await seed(page, Object.fromEntries(names.map((n, i) => person(`p${i}`, n, [['Running', 'sport']]))));
  await page.getByRole('link', { name: 'People' }).click();
  const rows = page.locator('.person-list li');
  await expect(rows).toHaveCount(100);
  await page.getByRole('button', { name: 'Show more' }).click();
  await expect(rows).toHaveCount(150);
  expect(page.url()).toContain('#/people?n=200');
  const row = page.getByRole('link', { name: /^Person 140/ });
  await row.scrollIntoViewIfNeeded();
  await row.click();
  await expect(page.getByRole('heading', { name: 'Person 140', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(rows).toHaveCount(150);
  await expect(row).toBeInViewport();
  // A new search starts at its first rows again.
  await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('Person');
  await expect(rows).toHaveCount(100);
  expect(page.url()).toMatch(/#\/people\?q=Person$/);
  // Back and forth without leaving People (the tab, then the browser's Back): the place too.
  await page.getByRole('button', { name: 'Show more' }).click();
  await row.scrollIntoViewIfNeeded();
  const left = await page.evaluate(() => window.scrollY);
  await page.getByRole('link', { name: 'People' }).click();
  await expect(rows).toHaveCount(100);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(rows).toHaveCount(150);
  await expect(row).toBeInViewport();
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - left)).toBeLessThanOrEqual(2);
});

test('"Automatic" files a new interest in a sensible category, my earlier choice wins, Other only when unknown', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'My map' }).click();
  const add = page.getByRole('textbox', { name: 'Add interest' });
  for (const label of ['Running', 'Learning Italian', 'Craft beer', 'Zxqvy', 'Parkrun']) {
    await add.fill(label);
    await add.press('Enter');
    await expect(page.getByRole('textbox', { name: `Edit ${label}` })).toBeVisible();
  }
  const category = async (label) => (await stored(page, 'cg.me')).interests.find(([l]) => l === label)[1];
  expect(await category('Running')).toBe('sport');
  expect(await category('Learning Italian')).toBe('learning');
  expect(await category('Craft beer')).toBe('food');
  expect(await category('Zxqvy')).toBe('other');
  expect(await category('Parkrun')).toBe('sport');
  // I put Parkrun under Local & community; a person's Parkrun then goes there too.
  await page.getByRole('combobox', { name: 'Move Parkrun' }).selectOption({ label: 'Local & community' });
  await expect(page.getByRole('combobox', { name: 'Move Parkrun' })).toHaveValue('local');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByRole('textbox', { name: 'Name' }).fill('Pat');
  await page.getByRole('textbox', { name: 'Add interest' }).fill('parkruns');
  await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pat' })).toBeVisible();
  const pat = await page.evaluate(() => Object.entries(localStorage).map(([, v]) => { try { return JSON.parse(v); } catch { return null; } }).find((v) => v && v.name === 'Pat'));
  expect(pat.interests).toEqual([['parkruns', 'local']]);
});

/** Interests on My map whose "Move" dropdown names another category than their heading. */
async function mismatchedDropdowns(page) {
  return page.evaluate(() => {
    const out = [];
    let heading = null;
    for (const el of document.querySelectorAll('h3.category-heading, .interest-rows select')) {
      if (el.tagName === 'H3') heading = el.textContent.trim();
      else if (el.selectedOptions[0]?.textContent.trim() !== heading) out.push(`${el.getAttribute('aria-label')}: ${el.selectedOptions[0]?.textContent} under ${heading}`);
    }
    return out;
  });
}

test('every category dropdown on My map shows the category its interest is filed under', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Load an example map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My map' })).toBeVisible();
  // Moving interests redraws the list; no dropdown may keep showing the old row's category.
  await page.getByRole('combobox', { name: 'Move Sourdough' }).selectOption({ label: 'Food & drink' });
  await page.getByRole('combobox', { name: 'Move Knitting' }).selectOption({ label: 'Arts & culture' });
  await page.getByRole('combobox', { name: 'Move Choir' }).selectOption({ label: 'Local & community' });
  expect(await mismatchedDropdowns(page)).toEqual([]);
  const me = await stored(page, 'cg.me');
  expect(me.interests.find(([l]) => l === 'Choir')[1]).toBe('local');
  // Deleting a category refiles its interests under Other, and the list and its dropdowns
  // follow; a later move does not write the deleted category back.
  await page.getByText('Categories', { exact: true }).click();
  await page.getByRole('button', { name: 'Delete Hobbies' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByRole('combobox', { name: 'Move Allotment' })).toHaveValue('other');
  await page.getByRole('combobox', { name: 'Move Parkrun' }).selectOption({ label: 'Work' });
  await expect(page.getByRole('combobox', { name: 'Move Parkrun' })).toHaveValue('work');
  await expect(page.locator('.interest-rows select')).toHaveCount(16);
  const after = Object.fromEntries((await stored(page, 'cg.me')).interests);
  expect(after.Allotment).toBe('other');
  expect(after.Parkrun).toBe('work');
  expect(Object.values(after)).not.toContain('hobbies');
  expect(await mismatchedDropdowns(page)).toEqual([]);
});

/** Pairs of texts in `svg` whose drawn boxes overlap (a 0.5 px tolerance for antialiasing). */
async function overlaps(locator) {
  return locator.evaluate((svg) => {
    const boxes = [...svg.querySelectorAll('text')].map((t) => [t.textContent, t.getBoundingClientRect()]);
    const out = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, ra] = boxes[i];
        const [b, rb] = boxes[j];
        const apart = ra.right <= rb.left + 0.5 || rb.right <= ra.left + 0.5 || ra.bottom <= rb.top + 0.5 || rb.bottom <= ra.top + 0.5;
        if (!apart) out.push(`${a} / ${b}`);
      }
    return out;
  });
}

test('the My map picture never draws "Me" over a category, whatever the map holds', async ({ page }) => {
  await seed(page, { 'cg.me': { name: 'Sam', interests: [['A', 'other'], ['B', 'other'], ['C', 'other'], ['D', 'other'], ['E', 'other']] } });
  await page.getByRole('link', { name: 'My map' }).click();
  const picture = page.getByRole('img', { name: /Your map: 5 interests in 1 categories/ });
  await expect(picture).toBeVisible();
  await expect(picture.locator('text')).toHaveText(['5', 'Me']);
  expect(await overlaps(picture)).toEqual([]);
  await seed(page, {});
  await page.getByRole('button', { name: 'Load an example map' }).click();
  const full = page.getByRole('img', { name: /Your map: 16 interests in 10 categories/ });
  await expect(full).toBeVisible();
  expect(await overlaps(full)).toEqual([]);
});

test('dates read as people say them, in the user’s language, with no seconds', async ({ page }) => {
  await openApp(page);
  const [yesterday, weeks] = [await dayFromToday(page, -1), await dayFromToday(page, -21)];
  const now = Date.now();
  await seed(page, {
    ...Object.fromEntries([
      person('y', 'Yan', [], { met_on: yesterday, created: now, updated: now }),
      person('o', 'Olu', [], { met_on: '2025-11-04', created: now, updated: now }),
    ]),
    'cg.e.ev': { id: 'ev', name: 'Rotary supper', date: weeks, attendees: ['y'], created: 1, updated: 1 },
  });
  await page.goto('/#/people/y');
  await expect(page.getByText(/^yesterday/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Rotary supper (3 weeks ago)' })).toBeVisible();
  const meta = await page.locator('.meta').textContent();
  expect(meta).toMatch(/^Added today, \d\d:\d\d · updated today, \d\d:\d\d$/);
  await page.goto('/#/events');
  await expect(page.getByRole('link', { name: /Rotary supper.*3 weeks ago/ })).toBeVisible();
  await page.goto('/#/events/ev');
  await expect(page.getByText(/^3 weeks ago/)).toBeVisible();
  await page.goto('/#/');
  // Met a year ago: "Tue 4 Nov 2025" in British English.
  await expect(page.getByRole('listitem').filter({ hasText: 'Olu — met' })).toContainText(/met Tue,? 4 Nov 2025/);
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\d:\d\d:\d\d/);
});

/** Seeds me and Meg with long, many-word interests that used to be cut and drawn on top of each other. */
const VENN = {
  'cg.me': {
    name: 'Claire',
    interests: [['Pilates', 'sport'], ['Bridge', 'hobbies'], ['Small business networking', 'work'], ['Salsa dancing', 'sport'],
      ['Wild swimming', 'sport'], ['Custard creams', 'food'], ['Learning Spanish', 'learning'], ['Choir', 'arts']],
  },
  ...Object.fromEntries([
    person('meg', 'Meg', [['Pilates', 'sport'], ['Bridge', 'hobbies'], ['Small business networking', 'work'], ['Salsa dancing', 'sport'],
      ['Photography', 'arts'], ['Canal boats', 'travel'], ['Recycling scheme', 'local'], ['Family history', 'hobbies']]),
    person('raj', 'Raj', [['Pilates', 'sport'], ['Choir', 'arts'], ['Canal boats', 'travel'], ['Knitting', 'hobbies']]),
  ]),
};

async function checkVenn(page, name) {
  const venn = page.getByRole('img', { name });
  await expect(venn).toBeVisible();
  expect(await overlaps(venn)).toEqual([]);
  const all = [...VENN['cg.me'].interests, ...VENN['cg.p.meg'].interests, ...VENN['cg.p.raj'].interests].map(([l]) => l);
  for (const t of await venn.locator('text').allTextContents()) {
    const readable =
      all.includes(t) || /^\+\d+ more$/.test(t) || /^\d+$/.test(t) ||
      (t.endsWith('…') && all.some((l) => l.startsWith(t.slice(0, -1) + ' ')));
    expect(readable, `"${t}" is a cut word`).toBe(true);
  }
}

test('Venn labels never overlap, never cut a word, and a crowded region shows its count', async ({ page }) => {
  await seed(page, VENN);
  await page.goto('/#/people/meg');
  await checkVenn(page, /You and Meg share 4 interests/);
  await page.getByRole('searchbox', { name: 'Compare with' }).fill('raj');
  await page.getByRole('button', { name: 'Raj' }).click();
  await checkVenn(page, /You, Meg and Raj/);
  // Whatever the picture leaves out, the list below names.
  await expect(page.getByRole('heading', { name: /All three \(1\)/ })).toBeVisible();
});

for (const scheme of ['light', 'dark']) {
  test(`the changed screens pass axe and are photographed (${scheme})`, async ({ newPhone }) => {
    const ctx = await newPhone({ bypassCSP: true, colorScheme: scheme, locale: 'en-GB' });
    const page = await ctx.newPage();
    await seedFollowUps(page);
    await page.evaluate((venn) => {
      for (const [k, v] of Object.entries(venn)) localStorage.setItem(k, JSON.stringify(v));
      localStorage.setItem('cg.settings', JSON.stringify({ theme: 'system', last_backup: Date.now() }));
    }, VENN);
    const screens = [
      ['follow-ups-home', '#/', null],
      ['follow-ups-person', '#/people/f1', async () => {
        await page.getByRole('listitem').filter({ hasText: 'Send the brochure' }).getByRole('button', { name: 'Change' }).click();
      }],
      ['follow-ups-all', '#/follow-ups', null],
      ['search-why', '#/people', async () => {
        await page.getByRole('searchbox', { name: 'Search', exact: true }).fill('pil');
      }],
      ['my-map-categories', '#/map', null],
      ['venn-labels', '#/people/meg', null],
    ];
    for (const [name, hash, act] of screens) {
      await page.goto('/' + hash);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (act) await act();
      await axeClean(page, `${name} (${scheme})`);
      if (name === 'venn-labels') {
        await page.addStyleTag({ content: '.nav-bar { display: none; }' });
        await shot(page.getByRole('img', { name: /You and Meg share/ }), `${name}-${scheme}`);
      } else if (name === 'my-map-categories') {
        await page.addStyleTag({ content: '.nav-bar { display: none; }' });
        await shot(page.locator('figure.map-figure'), `${name}-${scheme}`);
      } else {
        await shot(page, `${name}-${scheme}`);
      }
    }
  });
}
