// At the event, in one hand (issue 12): Enter never saves, drafts survive anything, events
// end, "Back" in the header, messages that do not go stale, duplicates caught and merged,
// contact details in quick add, and the taps it takes to add three people at an event.
import { test, expect, openApp, seed, person, fillStorage, shot, axeClean } from './fixtures.mjs';


/** The browser's local date, `YYYY-MM-DD`, `days` from today. */
async function localDate(page, days = 0) {
  return page.evaluate((days) => {
    const d = new Date();
    d.setDate(d.getDate() + days);
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  }, days);
}

/** Seeds an event dated `date`, marked current, with a recent backup (no reminder). */
async function seedEvent(page, date, records = {}) {
  await seed(page, {
    'cg.e.ev': { id: 'ev', name: 'WI evening', date, purpose: 'Crafts', attendees: [], created: 1, updated: 1 },
    'cg.settings': { current_event: 'ev', theme: 'system', last_backup: Date.now() },
    ...records,
  });
}

async function storedPeople(page) {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('cg.p.'))
      .map((k) => JSON.parse(localStorage.getItem(k))),
  );
}

async function openAddPerson(page) {
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Add person' })).toBeVisible();
}

const field = (page, name) => page.getByRole('textbox', { name, exact: true });

test('Enter moves to the next field and never saves; Enter in "Add interest" adds it', async ({ page }) => {
  await openApp(page);
  await openAddPerson(page);
  const name = field(page, 'Name');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('enterkeyhint', 'next');
  // A phone capitalises each word of a name, as names are written.
  await expect(name).toHaveAttribute('autocapitalize', 'words');
  await page.keyboard.type('Helen');
  await page.keyboard.press('Enter');
  await expect(field(page, 'What they do')).toBeFocused();
  await expect(page).toHaveURL(/#\/people\/new$/);
  await page.keyboard.type('Florist');
  await page.keyboard.press('Enter');
  await expect(field(page, 'Add interest')).toBeFocused();
  await page.keyboard.type('Running');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Remove Running' })).toBeVisible();
  await expect(field(page, 'Add interest')).toBeFocused();
  // Enter on the empty box moves on to the notes.
  await page.keyboard.press('Enter');
  await expect(field(page, 'Notes')).toBeFocused();
  // The last field of quick add says "done", and Enter there saves nothing either.
  await page.getByText('Contact details').click();
  await expect(field(page, 'Email')).toHaveAttribute('enterkeyhint', 'next');
  await expect(field(page, 'Social')).toHaveAttribute('enterkeyhint', 'done');
  await field(page, 'Email').fill('helen@example.org');
  await field(page, 'Email').press('Enter');
  await expect(field(page, 'Social')).toBeFocused();
  await field(page, 'Social').press('Enter');
  await expect(page).toHaveURL(/#\/people\/new$/);
  expect(await storedPeople(page)).toEqual([]);
  // Only "Save" saves.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Helen' })).toBeVisible();
  expect((await storedPeople(page)).map((p) => p.name)).toEqual(['Helen']);
});

test('the fields about someone else never offer my own details, the fields about me do; names and handles are typed as they are', async ({ page }) => {
  // A phone fills any field that looks like a phone number or an email with its owner's: on
  // the person met, that would put my number on their record with one stray tap.
  await openApp(page);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByText('Contact details').click();
  for (const name of ['Name', 'What they do', 'Phone', 'Email', 'Social', 'Add interest']) {
    await expect(page.getByRole('textbox', { name, exact: true })).toHaveAttribute('autocomplete', 'off');
  }
  // A name, a handle: typed as they are, with no correction ("Priya" is not "Pray").
  const name = page.getByRole('textbox', { name: 'Name', exact: true });
  await expect(name).toHaveAttribute('autocapitalize', 'words');
  await expect(name).toHaveAttribute('autocorrect', 'off');
  await expect(name).toHaveAttribute('spellcheck', 'false');
  // Words keep the keyboard's help.
  await expect(page.getByRole('textbox', { name: 'What they do', exact: true })).not.toHaveAttribute('autocorrect', /.*/);
  await page.getByRole('link', { name: 'People' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search', exact: true })).toHaveAttribute('autocomplete', 'off');
  await page.getByRole('link', { name: 'My map' }).click();
  await page.getByText('How people can reach you').click();
  for (const [name, kind] of [['Your name', 'name'], ['What you do', 'organization-title'], ['Your phone', 'tel'], ['Your email', 'email'], ['Your web', 'url']]) {
    await expect(page.getByRole('textbox', { name, exact: true })).toHaveAttribute('autocomplete', kind);
  }
  const social = page.getByRole('textbox', { name: 'Your social', exact: true });
  await expect(social).toHaveAttribute('autocapitalize', 'none');
  await expect(social).toHaveAttribute('autocorrect', 'off');
});

test('a list typed into "Add interest" is several interests; a suggestion completes the one being typed', async ({ page }) => {
  await openApp(page);
  await openAddPerson(page);
  const box = field(page, 'Add interest');
  const chip = (label) => page.getByRole('button', { name: `Remove ${label}`, exact: true });
  await box.fill('Running, baking; her grandchildren');
  // Each part is within the limit, so no "too long" while typing a list.
  await expect(page.getByText(/the limit is/)).toHaveCount(0);
  await box.press('Enter');
  for (const label of ['Running', 'baking', 'her grandchildren']) await expect(chip(label)).toBeVisible();
  await expect(box).toHaveValue('');
  // A comma inside a number is part of it.
  await box.fill('1,000-piece jigsaws');
  await box.press('Enter');
  await expect(chip('1,000-piece jigsaws')).toBeVisible();
  // Suggestions are for the part being typed, and a tap keeps what came before.
  await box.fill('Chess, pott');
  await page.getByRole('list', { name: 'Suggestions' }).getByRole('button', { name: 'Pottery' }).click();
  await expect(chip('Chess')).toBeVisible();
  await expect(chip('Pottery')).toBeVisible();
  await expect(box).toHaveValue('');
  await box.fill('Running, Chess');
  await box.press('Enter');
  await expect(page.getByText('Already in the list: Running, Chess.')).toBeVisible();
  // Over the limit: what was added stays added, the rest stays in the box with the message.
  const long = 'x'.repeat(61);
  await box.fill(`Sourdough, ${long}, Jazz`);
  await box.press('Enter');
  await expect(chip('Sourdough')).toBeVisible();
  await expect(box).toHaveValue(`${long}, Jazz`);
  await expect(page.getByText('An interest is 61 characters; the limit is 60. Shorten it by 1 to save.')).toBeVisible();
  await expect(chip('Jazz')).toHaveCount(0);
});

test('an interest in the form is not a link: a tap on it stays in the form; on the saved person it opens who shares it', async ({ page }) => {
  await openApp(page);
  await openAddPerson(page);
  await field(page, 'Name').fill('Helen');
  await field(page, 'Add interest').fill('Parkrun');
  await field(page, 'Add interest').press('Enter');
  const chip = page.getByRole('listitem').filter({ has: page.getByRole('button', { name: 'Remove Parkrun' }) });
  await expect(chip).toContainText('Parkrun');
  await expect(chip.getByRole('link')).toHaveCount(0);
  await chip.getByText('Parkrun', { exact: true }).click();
  await expect(page).toHaveURL(/#\/people\/new$/);
  await expect(field(page, 'Name')).toHaveValue('Helen');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Helen' })).toBeVisible();
  await page.getByRole('link', { name: 'Parkrun', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who shares this?' })).toBeVisible();
});

test('the edit form opens at its top, and Enter there saves nothing', async ({ page }) => {
  await seed(page, Object.fromEntries([person('p1', 'Meg', [['Running', 'sport']], { notes: 'A long note\n'.repeat(40) })]));
  await page.goto('/#/people/p1');
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Meg' })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await field(page, 'Name').fill('Meg Jones');
  await field(page, 'Name').press('Enter');
  await expect(field(page, 'What they do')).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Meg' })).toBeVisible();
  expect((await storedPeople(page))[0].name).toBe('Meg');
});

test('a half-typed person survives a tab change, a reload and the app being killed', async ({ page, context }) => {
  await openApp(page);
  await openAddPerson(page);
  await field(page, 'Name').fill('Priya');
  await field(page, 'What they do').fill('Baker');
  await field(page, 'Add interest').fill('Sourdough');
  await field(page, 'Add interest').press('Enter');
  await field(page, 'Add interest').fill('Pott');
  await page.getByRole('link', { name: 'People' }).click();
  await openAddPerson(page);
  await expect(page.getByText('Draft restored')).toBeVisible();
  await expect(field(page, 'Add interest')).toHaveValue('Pott');
  await expect(field(page, 'Name')).toHaveValue('Priya');
  await expect(field(page, 'What they do')).toHaveValue('Baker');
  await expect(page.getByRole('button', { name: 'Remove Sourdough' })).toBeVisible();

  // Typing, then the app is killed a moment later (no chance to say goodbye).
  await field(page, 'Notes').fill('Stall at the market');
  await page.waitForTimeout(700);
  await page.close({ runBeforeUnload: false });
  const again = await context.newPage();
  await openApp(again, '#/people/new');
  await expect(field(again, 'Notes')).toHaveValue('Stall at the market');
  await again.reload();
  await expect(field(again, 'Name')).toHaveValue('Priya');
  // Drafts are not records: nothing was saved, nothing was set aside.
  const keys = await again.evaluate(() => Object.keys(localStorage));
  expect(keys.filter((k) => k.startsWith('cg.p.') || k.startsWith('cg.quarantine'))).toEqual([]);
  expect(keys).toContain('cg-draft.person');

  // Discard empties the form and forgets the draft.
  await again.getByRole('button', { name: 'Discard' }).click();
  await expect(field(again, 'Name')).toHaveValue('');
  await expect(again.getByText('Draft restored')).toHaveCount(0);
  await again.reload();
  await expect(field(again, 'Name')).toHaveValue('');
  expect(await again.evaluate(() => localStorage.getItem('cg-draft.person'))).toBeNull();

  // Saving clears it too.
  await field(again, 'Name').fill('Tom Baker');
  await again.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(again.getByRole('heading', { level: 1, name: 'Tom Baker' })).toBeVisible();
  await openAddPerson(again);
  await expect(field(again, 'Name')).toHaveValue('');
  await expect(again.getByText('Draft restored')).toHaveCount(0);
  expect(await again.evaluate(() => localStorage.getItem('cg-draft.person'))).toBeNull();
});

test('an unsaved edit of a saved person is kept until saved or cancelled', async ({ page }) => {
  await seed(page, Object.fromEntries([person('p1', 'Meg', [['Running', 'sport']])]));
  await page.goto('/#/people/p1');
  await page.getByRole('button', { name: 'Edit' }).click();
  await field(page, 'What they do').fill('Gardener');
  await page.getByRole('link', { name: 'People' }).click();
  await page.reload();
  await page.getByRole('link', { name: /^Meg/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Meg' })).toBeVisible();
  await expect(page.getByText('Draft restored')).toBeVisible();
  await expect(field(page, 'What they do')).toHaveValue('Gardener');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meg' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Meg' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit' }).click();
  await expect(field(page, 'What they do')).toHaveValue('');
  await field(page, 'What they do').fill('Garden designer');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Garden designer')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Meg' })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cg-draft.')))).toEqual([]);
});

test('the event form and My map keep their drafts too', async ({ page }) => {
  await openApp(page);
  await page.getByRole('link', { name: 'Events' }).click();
  await field(page, 'Event name').fill('Rotary supper');
  await field(page, 'Place').fill('The George');
  await page.getByRole('link', { name: 'Home' }).click();
  await page.reload();
  await page.getByRole('link', { name: 'Events' }).click();
  await expect(page.getByText('Draft restored')).toBeVisible();
  await expect(field(page, 'Event name')).toHaveValue('Rotary supper');
  await expect(field(page, 'Place')).toHaveValue('The George');
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rotary supper' })).toBeVisible();
  await page.getByRole('link', { name: 'Events' }).click();
  await expect(page.getByText('Draft restored')).toHaveCount(0);

  // My map saves as you type; what cannot be saved yet (over the limit) is kept as a draft.
  await page.getByRole('link', { name: 'My map' }).click();
  await field(page, 'Your name').fill('Claire');
  const long = 'A very long description of what I do. '.repeat(6);
  await field(page, 'What you do').fill(long);
  await field(page, 'Add interest').fill('Sourd');
  await expect(page.getByText(/What you do is \d+ characters; the limit is 200/)).toBeVisible();
  await page.getByRole('link', { name: 'Home' }).click();
  await page.reload();
  await page.getByRole('link', { name: 'My map' }).click();
  await expect(page.getByText('Draft restored')).toBeVisible();
  await expect(field(page, 'What you do')).toHaveValue(long);
  await expect(field(page, 'Your name')).toHaveValue('Claire');
  await expect(field(page, 'Add interest')).toHaveValue('Sourd');
  await page.getByRole('button', { name: 'Discard' }).click();
  await expect(field(page, 'What you do')).toHaveValue('');
  await expect(field(page, 'Add interest')).toHaveValue('');
});

test('an event ends by "End event" or at the end of its day, and quick add can say "not at an event"', async ({ page }) => {
  await openApp(page);
  const today = await localDate(page);
  await seedEvent(page, today);
  const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Current event' }) });
  await expect(card.getByRole('link', { name: 'WI evening' })).toBeVisible();
  // Its date as people say it, not as stored.
  await expect(card).toContainText('today · 0 met so far');

  // "Not at an event" in one tap: the person is saved under no event.
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('At WI evening')).toBeVisible();
  await page.getByRole('button', { name: 'Not at an event' }).click();
  await expect(page.getByText('At WI evening')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Met at' })).toHaveValue('');
  await field(page, 'Name').fill('Walk-in Wendy');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Walk-in Wendy' })).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('cg.e.ev')).attendees ?? [])).toEqual([]);

  // "End event" on Home.
  await page.getByRole('link', { name: 'Home' }).click();
  await card.getByRole('button', { name: 'End event' }).click();
  await expect(page.getByRole('heading', { name: 'Current event' })).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('Ended WI evening.');
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('At WI evening')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Met at' })).toHaveValue('');

  // "End event" on the event page.
  await page.goto('/#/events/ev');
  await page.getByRole('button', { name: 'Mark as current event' }).click();
  await expect(page.getByText('Current event', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'End event' }).click();
  await expect(page.getByRole('button', { name: 'Mark as current event' })).toBeVisible();

  // An event from yesterday, still marked current, is over.
  await seedEvent(page, await localDate(page, -1));
  await expect(page.getByRole('heading', { name: 'Current event' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Add person' }).click();
  await expect(page.getByText('At WI evening')).toHaveCount(0);
  await page.goto('/#/events/ev');
  await expect(page.getByRole('heading', { level: 1, name: 'WI evening' })).toBeVisible();
  await expect(page.getByText('Current event', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'End event' })).toHaveCount(0);
  // Someone remembered later is still filed under it from its page, without making it current.
  await page.getByRole('button', { name: 'Add person here' }).click();
  await expect(page.getByText('At WI evening')).toBeVisible();
  await field(page, 'Name').fill('Late Larry');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Late Larry' })).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('cg.e.ev')).attendees)).toHaveLength(1);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Current event' })).toHaveCount(0);
});

test('"Back" in the header goes back, or up when there is nothing behind', async ({ page }) => {
  await seed(page, Object.fromEntries([person('p1', 'Meg', [])]));
  // The tabs have no "Back".
  for (const tab of ['Home', 'My map', 'People', 'Events', 'Settings']) {
    await page.getByRole('link', { name: tab }).click();
    await expect(page.getByRole('button', { name: 'Back', exact: true })).toHaveCount(0);
  }
  // Through the app: Back returns to where I came from.
  await page.getByRole('link', { name: 'Home' }).click();
  await page.getByRole('link', { name: /^Meg/ }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Meg' })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Home' })).toBeVisible();
  await expect(page).toHaveURL(/#\/$/);

  // Opened from a link, as an installed app would be: Back goes to the page above.
  await page.goto('about:blank');
  await page.goto('/#/people/p1');
  await expect(page.getByRole('heading', { level: 1, name: 'Meg' })).toBeVisible();
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page).toHaveURL(/#\/people$/);
  const back = page.getByRole('button', { name: 'Back', exact: true });
  await page.goto('/#/people/new');
  const box = await back.boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(44);
});

test('"Save and add another" starts again at Name, at the top, and says so', async ({ page }) => {
  await openApp(page);
  await openAddPerson(page);
  await field(page, 'Name').fill('Helen');
  await field(page, 'Notes').fill('Runs the choir');
  await page.getByRole('button', { name: 'Save and add another' }).click();
  await expect(page.getByRole('status')).toContainText('Saved Helen. Add the next person.');
  await expect(field(page, 'Name')).toBeFocused();
  await expect(field(page, 'Name')).toHaveValue('');
  await expect(field(page, 'Notes')).toHaveValue('');
  await expect(page.getByRole('heading', { level: 1, name: 'Add person' })).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('a confirmation clears itself and at the next page; an error stays until dismissed', async ({ page }) => {
  await openApp(page);
  await openAddPerson(page);
  await field(page, 'Name').fill('Tom Baker');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const status = page.getByRole('status');
  await expect(status).toContainText('Saved Tom Baker.');
  // Gone at the next page…
  await page.getByRole('link', { name: 'People' }).click();
  await expect(status).not.toContainText('Saved Tom Baker.');
  // …or by itself after a few seconds.
  await openAddPerson(page);
  await field(page, 'Name').fill('Ann');
  await page.getByRole('button', { name: 'Save and add another' }).click();
  await expect(status).toContainText('Saved Ann.');
  await expect(status).not.toContainText('Saved Ann.', { timeout: 8_000 });

  // An error stays, and a later success does not cover it.
  await fillStorage(page);
  await field(page, 'Name').fill('Too Much Tom');
  await field(page, 'Notes').fill('long note '.repeat(900));
  await page.getByRole('button', { name: 'Save and add another' }).click();
  await expect(status).toContainText('storage for the app is full');
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  await page.getByRole('link', { name: 'Home' }).click();
  await page.waitForTimeout(6_000);
  await expect(status).toContainText('storage for the app is full');
  await openAddPerson(page);
  await field(page, 'Name').fill('Bea');
  await page.getByRole('button', { name: 'Save and add another' }).click();
  await expect(status).toContainText('storage for the app is full');
  await expect(status).not.toContainText('Saved Bea');
  await status.getByRole('button', { name: 'Dismiss' }).click();
  await expect(status).not.toContainText('storage for the app is full');
});

test('someone saved before, typed again at an event, is filed there with one tap: no second record, no draft left', async ({ page }) => {
  const today = await localDate(page);
  await seedEvent(page, today, Object.fromEntries([person('p1', 'Priya Shah', [['Running', 'sport']], { what: 'Baker' })]));
  await openAddPerson(page);
  const known = page.locator('.known-name');
  await field(page, 'Name').fill('priya shah');
  await expect(known).toHaveText('Already saved: Priya Shah (Baker). See Priya Shah Met again at WI evening');
  // "Not at an event": nothing to file her under, so no such button.
  await page.getByRole('button', { name: 'Not at an event' }).click();
  await expect(known.getByRole('button')).toHaveCount(0);
  await page.getByLabel('Met at').selectOption({ label: 'WI evening (today)' });
  await known.getByRole('button', { name: 'Met again at WI evening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Filed Priya Shah under WI evening.');
  await expect(page.getByRole('link', { name: /^WI evening/ })).toBeVisible();
  expect(await storedPeople(page)).toHaveLength(1);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('cg.e.ev')).attendees)).toEqual(['p1']);
  // The form starts empty next time, and already filed, she is not offered again.
  await openAddPerson(page);
  await expect(field(page, 'Name')).toHaveValue('');
  await field(page, 'Name').fill('Priya Shah');
  await expect(known).toContainText('Already saved: Priya Shah');
  await expect(known.getByRole('button')).toHaveCount(0);
});

test('an evening that runs past midnight is still the current event until 4 a.m.', async ({ page }) => {
  await page.clock.install({ time: new Date(2026, 11, 1, 21, 0) });
  await openApp(page);
  await seedEvent(page, '2026-12-01');
  // 00:30: still at the Christmas social; whoever is met now is filed under it.
  await page.clock.setSystemTime(new Date(2026, 11, 2, 0, 30));
  await openAddPerson(page);
  await expect(page.getByText('At WI evening')).toBeVisible();
  await field(page, 'Name').fill('Late Larry');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Late Larry' })).toBeVisible();
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('cg.e.ev')).attendees)).toHaveLength(1);
  await page.getByRole('link', { name: 'Home' }).click();
  await expect(page.getByRole('heading', { name: 'Current event' })).toBeVisible();
  // 04:30: the evening is over; the next person is filed under no event.
  await page.clock.setSystemTime(new Date(2026, 11, 2, 4, 30));
  await openAddPerson(page);
  await expect(page.getByText('At WI evening')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Met at' })).toHaveValue('');
});

test('"Met again" keeps what was typed besides the name: her new interest and a promise join her page', async ({ page }) => {
  const today = await localDate(page);
  await seedEvent(page, today, Object.fromEntries([person('p1', 'Priya Shah', [['Running', 'sport']], { what: 'Baker' })]));
  await openAddPerson(page);
  await field(page, 'Name').fill('Priya Shah');
  await field(page, 'Add interest').fill('Beekeeping');
  await field(page, 'Add interest').press('Enter');
  await field(page, 'Notes').fill('Has a hive on the allotment');
  await page.getByText('Add a follow-up', { exact: true }).click();
  await field(page, 'Follow-up').fill('Lend her the bee book');
  await page.locator('.known-name').getByRole('button', { name: 'Met again at WI evening' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Filed Priya Shah under WI evening, with what you typed added to their page.');
  const [saved] = await storedPeople(page);
  expect((await storedPeople(page)).length).toBe(1);
  expect(saved.interests.map((i) => i[0])).toEqual(['Running', 'Beekeeping']);
  expect(saved.notes).toBe('Has a hive on the allotment');
  expect(saved.follow_ups).toEqual([{ due: await localDate(page, 1), text: 'Lend her the bee book', done: false }]);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('cg.e.ev')).attendees)).toEqual(['p1']);
  await expect(page.getByRole('checkbox', { name: /^Lend her the bee book/ })).toBeVisible();
});

test('a promise made while talking is noted in quick add: kept in the draft, saved as their follow-up, listed with all', async ({ page }) => {
  const today = await localDate(page);
  await seedEvent(page, today);
  await openAddPerson(page);
  await field(page, 'Name').fill('Tom Reed');
  // Folded away until wanted, so the form stays short; it offers tomorrow.
  const promise = field(page, 'Follow-up');
  await expect(promise).toBeHidden();
  await page.getByText('Add a follow-up', { exact: true }).click();
  await expect(page.getByRole('button', { name: 'Tomorrow' })).toHaveAttribute('aria-pressed', 'true');
  await promise.fill('Send the ' + 'x'.repeat(300));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('Follow-up');
  expect(await storedPeople(page)).toHaveLength(0);
  await promise.fill('Send the hall booking form');
  // Enter moves on, as in every field of the form; it never saves.
  await promise.press('Enter');
  await expect(page).toHaveURL(/#\/people\/new$/);
  await page.getByRole('button', { name: 'In a week' }).click();
  // A reload (or a tab change) keeps the promise with the rest of the draft, unfolded.
  await page.waitForTimeout(600);
  await page.reload();
  await expect(field(page, 'Name')).toHaveValue('Tom Reed');
  await expect(promise).toHaveValue('Send the hall booking form');
  await expect(page.getByRole('button', { name: 'In a week' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Save and add another' }).click();
  await expect(page.getByRole('status')).toContainText('Saved Tom Reed. Add the next person.');
  // The next person starts with no promise, and tomorrow offered again.
  await expect(field(page, 'Name')).toHaveValue('');
  await expect(promise).toHaveValue('');
  const [tom] = await storedPeople(page);
  expect(tom.follow_ups).toEqual([{ due: await localDate(page, 7), text: 'Send the hall booking form', done: false }]);
  // A person saved with no promise has no follow-up.
  await field(page, 'Name').fill('Ann Lee');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ann Lee' })).toBeVisible();
  expect((await storedPeople(page)).find((p) => p.name === 'Ann Lee').follow_ups ?? []).toEqual([]);
  await page.goto('/#/follow-ups');
  await expect(page.getByRole('checkbox', { name: /^Send the hall booking form/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tom Reed' })).toBeVisible();
});

test('a typed duplicate is caught: Open, Add anyway or Merge (keeping everything of both)', async ({ page }) => {
  await seedEvent(page, '2026-11-01', Object.fromEntries([
    person('p1', 'Priya Shah', [['Running', 'sport']], { notes: 'Two kids', follow_ups: [{ due: '2026-12-01', text: 'Send the flyer' }] }),
  ]));
  await page.evaluate(() => {
    const e = JSON.parse(localStorage.getItem('cg.e.ev'));
    e.attendees = ['p1'];
    localStorage.setItem('cg.e.ev', JSON.stringify(e));
  });
  await page.reload();
  await openAddPerson(page);
  // Said while the name is typed, before anything else is: whose name it is, and her page.
  const known = page.locator('.known-name');
  await field(page, 'Name').fill('priya  S');
  await expect(known).toBeHidden();
  await field(page, 'Name').fill('priya  SHAH');
  await expect(known).toHaveText('Already saved: Priya Shah (met at WI evening, Nov 2026). See Priya Shah');
  await expect(known.getByRole('link', { name: 'See Priya Shah' })).toHaveAttribute('href', '#/people/p1');
  await field(page, 'What they do').fill('Bakery owner');
  await field(page, 'Add interest').fill('Sourdough');
  await field(page, 'Add interest').press('Enter');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const warning = page.getByRole('alert');
  await expect(warning).toContainText('Already saved: Priya Shah (met at WI evening, Nov 2026)');
  // The warning at "Save" says it now, with what to do; the line under "Name" gives way.
  await expect(known).toBeHidden();
  expect(await storedPeople(page)).toHaveLength(1);

  // Open: her page, and what was typed is kept as a draft.
  await warning.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible();
  await openAddPerson(page);
  await expect(field(page, 'Name')).toHaveValue('priya  SHAH');

  // Merge: one Priya, with everything of both.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('alert').getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('Merged into Priya Shah.');
  const people = await storedPeople(page);
  expect(people).toHaveLength(1);
  expect(people[0].interests.map((i) => i[0]).sort()).toEqual(['Running', 'Sourdough']);
  expect(people[0].what).toBe('Bakery owner');
  expect(people[0].notes).toBe('Two kids');
  expect(people[0].follow_ups).toEqual([{ due: '2026-12-01', text: 'Send the flyer', done: false }]);
  expect(await page.evaluate(() => JSON.parse(localStorage.getItem('cg.e.ev')).attendees)).toEqual(['p1']);

  // Add anyway: a second record, on purpose.
  await openAddPerson(page);
  await field(page, 'Name').fill('Priya Shah');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('alert').getByRole('button', { name: 'Add anyway' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible();
  expect(await storedPeople(page)).toHaveLength(2);
});

test('a duplicate from a link or a contacts file is caught and merged', async ({ page, newPhone }) => {
  // Priya's own phone makes a link of her map.
  const ctx = await newPhone();
  const priya = await ctx.newPage();
  await openApp(priya, '#/map');
  await field(priya, 'Your name').fill('Priya Shah');
  await field(priya, 'Add interest').fill('Knitting');
  await field(priya, 'Add interest').press('Enter');
  await priya.getByRole('button', { name: 'Share my map' }).click();
  const link = await priya.getByRole('textbox', { name: 'Share link' }).inputValue();

  await seed(page, Object.fromEntries([person('p1', 'Priya Shah', [['Running', 'sport']], { what: 'Baker' })]));
  await page.goto(link);
  await page.getByRole('button', { name: 'Save as acquaintance' }).click();
  await expect(page.getByRole('alert')).toContainText('Already saved: Priya Shah (Baker)');
  await page.getByRole('alert').getByRole('button', { name: 'Merge' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Priya Shah' })).toBeVisible();
  let people = await storedPeople(page);
  expect(people).toHaveLength(1);
  expect(people[0].interests.map((i) => i[0]).sort()).toEqual(['Knitting', 'Running']);

  // A contacts file with Priya and someone new: Priya is marked and merged unless told not to.
  const vcf = [
    'BEGIN:VCARD', 'VERSION:3.0', 'FN:Priya Shah', 'TEL:07700 900123', 'END:VCARD',
    'BEGIN:VCARD', 'VERSION:3.0', 'FN:Sam Lee', 'END:VCARD', '',
  ].join('\r\n');
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Contacts file to import').setInputFiles({ name: 'people.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcf) });
  const preview = page.getByRole('region', { name: 'Contacts preview' });
  await expect(preview).toContainText('likely already saved as Priya Shah');
  await expect(preview.getByRole('checkbox', { name: 'Merge with Priya Shah' })).toBeChecked();
  await page.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(page.getByRole('status')).toContainText('1 was merged with someone already saved');
  people = await storedPeople(page);
  expect(people.map((p) => p.name).sort()).toEqual(['Priya Shah', 'Sam Lee']);
  expect(people.find((p) => p.name === 'Priya Shah').contact.phone).toBe('07700 900123');

  // Unticked: added as a new person.
  await page.getByLabel('Contacts file to import').setInputFiles({ name: 'people.vcf', mimeType: 'text/vcard', buffer: Buffer.from(vcf) });
  await preview.getByRole('checkbox', { name: 'Merge with Priya Shah' }).uncheck();
  await page.getByRole('button', { name: 'Import 2 people' }).click();
  await expect(page.getByRole('status')).toContainText('Imported 2 people from people.vcf.');
  people = await storedPeople(page);
  expect(people.filter((p) => p.name === 'Priya Shah')).toHaveLength(2);
});

test('quick add offers phone, email and a profile under "Contact details"', async ({ page }) => {
  await openApp(page);
  await openAddPerson(page);
  const details = page.getByText('Contact details');
  await expect(details).toBeVisible();
  await expect(field(page, 'Phone')).toBeHidden();
  await details.click();
  await field(page, 'Phone').fill('07700 900456');
  await field(page, 'Email').fill('dev@example.org');
  await expect(field(page, 'Social')).toHaveAttribute('autocapitalize', 'none');
  await field(page, 'Social').fill('linkedin.com/in/devpatel');
  await field(page, 'Name').fill('Dev Patel');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dev Patel' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Email dev@example.org' })).toBeVisible();
  const [p] = await storedPeople(page);
  expect(p.contact).toEqual({ phone: '07700 900456', email: 'dev@example.org', social: 'linkedin.com/in/devpatel' });
  await expect(page.getByRole('link', { name: /linkedin\.com\/in\/devpatel/ })).toBeVisible();
});

test('three people added at an event from Home, counting taps', async ({ page }) => {
  await openApp(page);
  await seedEvent(page, await localDate(page));
  let taps = 0;
  let enters = 0;
  const tap = async (locator) => {
    taps += 1;
    await locator.tap();
  };
  const enter = async () => {
    enters += 1;
    await page.keyboard.press('Enter');
  };
  const people = [
    ['Helen', 'Florist', 'Gardening', 'Choir'],
    ['Raj', 'Plumber', 'Cricket', 'Curry'],
    ['Sue', 'Teacher', 'Running', 'Knitting'],
  ];
  await tap(page.getByRole('button', { name: 'Add person' }));
  await expect(page.getByText('At WI evening')).toBeVisible();
  for (const [n, [name, what, a, b]] of people.entries()) {
    // No tap to reach "Name": the form opens (and starts again) with the cursor in it.
    await expect(field(page, 'Name')).toBeFocused();
    await page.keyboard.type(name);
    await enter();
    await page.keyboard.type(what);
    await enter();
    await page.keyboard.type(a);
    await enter();
    await page.keyboard.type(b);
    await enter();
    const last = n === people.length - 1;
    await tap(page.getByRole('button', { name: last ? 'Save' : 'Save and add another', exact: true }));
  }
  await expect(page.getByRole('heading', { level: 1, name: 'Sue' })).toBeVisible();
  console.log(`add three people at an event: ${taps} taps, ${enters} Enter key presses`);
  expect(taps).toBe(4);
  expect(enters).toBe(12);
  const saved = await storedPeople(page);
  expect(saved.map((p) => [p.name, p.what, p.interests.map((i) => i[0])]).sort()).toEqual(
    people.map(([name, what, a, b]) => [name, what, [a, b]]).sort(),
  );
  const attendees = await page.evaluate(() => JSON.parse(localStorage.getItem('cg.e.ev')).attendees);
  expect(attendees).toHaveLength(3);
});

for (const scheme of ['light', 'dark']) {
  test(`capture screens are accessible and photographed (${scheme})`, async ({ newPhone }) => {
    const ctx = await newPhone({ bypassCSP: true, colorScheme: scheme });
    const page = await ctx.newPage();
    await openApp(page);
    const now = Date.now();
    await seedEvent(page, await localDate(page), Object.fromEntries([person('p1', 'Priya Shah', [['Running', 'sport']], { what: 'Baker', created: now, updated: now })]));
    const check = async (name) => {
      await axeClean(page, `${name} (${scheme})`);
      await shot(page, `${name}-${scheme}`);
    };
    // Quick add at the event, a draft restored, contact details open.
    await page.getByRole('button', { name: 'Add person' }).click();
    await field(page, 'Name').fill('Helen');
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByRole('button', { name: 'Add person' }).click();
    await expect(page.getByText('Draft restored')).toBeVisible();
    await field(page, 'Name').blur();
    await page.evaluate(() => window.scrollTo(0, 0));
    await check('quick-add');
    // The duplicate warning.
    await field(page, 'Name').fill('priya shah');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await page.getByRole('alert').scrollIntoViewIfNeeded();
    await check('duplicate-warning');
    // The home card and the event page, with "End event".
    await page.getByRole('link', { name: 'Home' }).click();
    await expect(page.getByRole('button', { name: 'End event' })).toBeVisible();
    await check('home-current-event');
    await page.getByRole('link', { name: 'WI evening' }).click();
    await expect(page.getByRole('button', { name: 'Back', exact: true })).toBeVisible();
    await check('event-end');
  });
}

test('an unsaved edit of an event (its notes and takeaways too) is kept until saved or cancelled', async ({ page }) => {
  await openApp(page);
  const today = await localDate(page);
  await seedEvent(page, today);
  await page.goto('/#/events/ev');
  await page.getByRole('button', { name: 'Edit event' }).click();
  await field(page, 'Event notes').fill('Tea, jam and a talk on bees');
  await field(page, 'Takeaways').fill('Two leads for the spring');
  // Interrupted: another tab, then the app killed and opened again.
  await page.getByRole('link', { name: 'Home' }).click();
  await page.reload();
  await page.goto('/#/events/ev');
  await expect(page.getByRole('heading', { level: 1, name: 'Edit WI evening' })).toBeVisible();
  await expect(page.getByText('Draft restored')).toBeVisible();
  await expect(field(page, 'Event notes')).toHaveValue('Tea, jam and a talk on bees');
  await expect(field(page, 'Takeaways')).toHaveValue('Two leads for the spring');
  await page.getByRole('button', { name: 'Save event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'WI evening' })).toBeVisible();
  await expect(page.getByText('Two leads for the spring')).toBeVisible();
  // Saved: no draft left, and Cancel on a new edit throws the typing away.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'WI evening' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit event' }).click();
  await expect(page.getByText('Draft restored')).toHaveCount(0);
  await field(page, 'Event notes').fill('changed my mind');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'WI evening' })).toBeVisible();
  await expect(page.getByText('Tea, jam and a talk on bees')).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cg-draft')))).toEqual([]);
});
