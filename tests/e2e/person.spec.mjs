// The person page: overlap with me as a Venn and a list, three-way comparison, contact
// links, follow-ups, editing, and delete with undo.
import { test, expect, openApp, addPerson, createEvent, seed, person } from './fixtures.mjs';

async function setMyInterests(page, interests) {
  await page.getByRole('link', { name: 'My map' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Claire');
  for (const i of interests) {
    await page.getByRole('textbox', { name: 'Add interest' }).fill(i);
    await page.getByRole('textbox', { name: 'Add interest' }).press('Enter');
  }
}

test('exactly the three interests we share, typed differently, are in the intersection', async ({ page }) => {
  await openApp(page);
  await setMyInterests(page, ['Running', 'Custard creams', 'Café culture', 'Bookkeeping', 'Opera']);
  await addPerson(page, { name: 'Meg', interests: ['run', 'custard cream', 'cafe culture', 'Knitting', 'Canal boats'] });
  const venn = page.getByRole('img', { name: 'You and Meg share 3 interests' });
  await expect(venn).toBeVisible();
  const shared = page.locator('section.venn-region', { has: page.getByRole('heading', { name: 'Shared (3)' }) });
  await expect(shared.getByRole('listitem')).toHaveText(['Running', 'Custard creams', 'Café culture']);
  // The picture's shared region carries the same three labels: each is drawn inside both
  // circles, and what only one of us has is drawn inside one circle only.
  const picture = await venn.evaluate((svg) => ({
    circles: [...svg.querySelectorAll('circle')].map((c) => ({ x: +c.getAttribute('cx'), y: +c.getAttribute('cy'), r: +c.getAttribute('r') })),
    labels: [...svg.querySelectorAll('text.venn-label')].map((t) => ({ text: t.textContent, x: +t.getAttribute('x'), y: +t.getAttribute('y') })),
  }));
  expect(picture.circles).toHaveLength(2);
  const circlesAround = (label) => picture.circles.filter((c) => Math.hypot(label.x - c.x, label.y - c.y) < c.r).length;
  const where = (name) => {
    // A label too long for its region ends in "…".
    const label = picture.labels.find((l) => l.text === name || (l.text.endsWith('…') && name.startsWith(l.text.slice(0, -1))));
    expect(label, `a label for ${name} in ${JSON.stringify(picture.labels)}`).toBeDefined();
    return circlesAround(label);
  };
  for (const t of ['Running', 'Custard creams', 'Café culture']) expect(where(t), `${t} in the shared region`).toBe(2);
  for (const t of ['Knitting', 'Canal boats']) expect(where(t), `${t} outside the shared region`).toBe(1);
  // My two are too long for my crescent, which shows their count instead.
  expect(where('2'), 'the count of what only I have').toBe(1);
  await expect(page.getByRole('heading', { name: 'Only you (2)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Only Meg (2)' })).toBeVisible();
  await expect(page.getByText('You both love Running')).toBeVisible();
});

test('a three-way comparison shows what all three share only in the middle', async ({ page }) => {
  await openApp(page);
  await setMyInterests(page, ['Netball', 'Jazz', 'Baking']);
  await addPerson(page, { name: 'Sam', interests: ['netball', 'Jazz'] });
  await addPerson(page, { name: 'Ria', interests: ['Netball', 'baking'] });
  await page.getByRole('searchbox', { name: 'Compare with' }).fill('sa');
  await page.getByRole('button', { name: 'Sam', exact: true }).click();
  await expect(page.getByRole('img', { name: 'You, Ria and Sam all share 1 interest' })).toBeVisible();
  const region = (name) => page.locator('section.venn-region', { has: page.getByRole('heading', { name }) });
  await expect(region('All three (1)').getByRole('listitem')).toHaveText(['Netball']);
  await expect(region('You and Ria (1)').getByRole('listitem')).toHaveText(['Baking']);
  await expect(region('You and Sam (1)').getByRole('listitem')).toHaveText(['Jazz']);
  await expect(region('Ria and Sam (0)')).toContainText('Nothing here.');
});

test('edit contact details, add a follow-up, delete and undo', async ({ page }) => {
  await openApp(page);
  await createEvent(page, 'WI evening');
  await addPerson(page, { name: 'Jo Bloggs' });
  const url = page.url();
  // "Edit" is beside the name, at the top of a page that runs to several screens.
  const edit = page.getByRole('button', { name: 'Edit' });
  const [heading, button] = [await page.getByRole('heading', { level: 1, name: 'Jo Bloggs' }).boundingBox(), await edit.boundingBox()];
  expect(Math.abs(heading.y + heading.height / 2 - (button.y + button.height / 2))).toBeLessThan(12);
  expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeGreaterThan(1.5 * 740);
  await edit.click();
  await page.getByRole('textbox', { name: 'Phone' }).fill('+44 7700 900123');
  await page.getByRole('textbox', { name: 'Email' }).fill('jo@example.org');
  await page.getByRole('textbox', { name: 'Web' }).fill('javascript:alert(1)');
  await page.getByRole('textbox', { name: 'Social' }).fill('example.org/jo');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('link', { name: 'Call +44 7700 900123' })).toHaveAttribute('href', 'tel:+447700900123');
  await expect(page.getByRole('link', { name: 'Text +44 7700 900123' })).toHaveAttribute('href', 'sms:+447700900123');
  await expect(page.getByRole('link', { name: 'Email jo@example.org' })).toHaveAttribute('href', 'mailto:jo@example.org');
  await expect(page.getByText('javascript:alert(1)')).toBeVisible();
  await expect(page.getByRole('link', { name: 'javascript:alert(1)' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'example.org/jo' })).toHaveAttribute('href', 'https://example.org/jo');
  await page.getByRole('textbox', { name: 'Follow-up' }).fill('Send the quote');
  await page.getByRole('button', { name: 'Add follow-up' }).click();
  await expect(page.getByRole('checkbox', { name: /Send the quote/ })).not.toBeChecked();
  const stored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('cg.p.') || k.startsWith('cg.e.')).sort()));
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await expect(page.getByRole('link', { name: /Jo Bloggs/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page).toHaveURL(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Jo Bloggs' })).toBeVisible();
  await expect(page.getByRole('link', { name: /WI evening/ })).toBeVisible();
  const restored = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => k.startsWith('cg.p.') || k.startsWith('cg.e.')).sort()));
  // Undo gives back the very person record, byte for byte (contact details, follow-up), and
  // the event exactly as it was but for its change time, which must move on so that another
  // open tab takes the restored attendee list over the deletion.
  const [storedEvent, storedPerson] = JSON.parse(stored);
  const [restoredEvent, restoredPerson] = JSON.parse(restored);
  expect(storedPerson[1]).toContain('Send the quote');
  expect(restoredPerson).toEqual(storedPerson);
  expect(restoredEvent[0]).toBe(storedEvent[0]);
  const before = JSON.parse(storedEvent[1]);
  const after = JSON.parse(restoredEvent[1]);
  expect(after.updated).toBeGreaterThan(before.updated);
  expect({ ...after, updated: 0 }).toEqual({ ...before, updated: 0 });
});

test('"Add a note" adds a dated line to their notes; what is typed survives a tab change, Cancel drops it', async ({ page }) => {
  await openApp(page);
  await addPerson(page, { name: 'Priya Shah', notes: 'Met at the WI.' });
  const url = page.url();
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getMonth()]} ${d.getFullYear()}`;
  });
  await page.getByRole('button', { name: 'Add a note' }).click();
  const box = page.getByRole('textbox', { name: 'New note' });
  await expect(box).toBeFocused();
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.getByRole('alert')).toHaveText('Type the note first.');
  await box.fill("Daughter starts at St Mary's in September");
  // A tab tap mid-note loses nothing.
  await page.getByRole('link', { name: 'Events' }).click();
  await page.goto(url);
  await expect(box).toHaveValue("Daughter starts at St Mary's in September");
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('.notes')).toHaveText(`Met at the WI.\n${today}: Daughter starts at St Mary's in September`);
  await expect(page.getByRole('button', { name: 'Add a note' })).toBeVisible();
  const stored = await page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('cg.p.')).map(([, v]) => JSON.parse(v).notes));
  expect(stored).toEqual([`Met at the WI.\n${today}: Daughter starts at St Mary's in September`]);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cg-draft.')))).toEqual([]);
  // Cancel drops what was typed, draft and all.
  await page.getByRole('button', { name: 'Add a note' }).click();
  await box.fill('Never mind');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Add a note' })).toBeVisible();
  await expect(box).toHaveCount(0);
  await expect(page.locator('.notes')).not.toContainText('Never mind');
});

test('two meetings of the same name each have their own "Remove from", naming the day', async ({ page }) => {
  await seed(page, {
    ...Object.fromEntries([person('meg', 'Meg', [])]),
    'cg.e.oct': { id: 'oct', name: 'Chamber breakfast', date: '2026-10-07', attendees: ['meg'], created: 1, updated: 1 },
    'cg.e.nov': { id: 'nov', name: 'Chamber breakfast', date: '2026-11-04', attendees: ['meg'], created: 1, updated: 1 },
    'cg.e.wi': { id: 'wi', name: 'WI evening', attendees: ['meg'], created: 1, updated: 1 },
    'cg.settings': { current_event: 'wi', theme: 'system', last_backup: Date.now() },
  });
  // Home's card for an event with no date: no date, and no stray separator before the count.
  const card = page.locator('section.card', { has: page.getByRole('heading', { name: 'Current event' }) });
  await expect(card.getByText(/met so far$/)).toHaveText('1 met so far');
  await page.goto('/#/people/meg');
  const removes = page.getByRole('button', { name: /^Remove from/ });
  await expect(removes).toHaveCount(3);
  const names = await removes.evaluateAll((els) => els.map((e) => e.textContent));
  expect(new Set(names).size).toBe(3);
  // An event with no date is named alone, without an empty "()".
  await expect(page.getByRole('link', { name: 'WI evening', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Remove from WI evening', exact: true })).toBeVisible();
  // Newest first: November's, October's, then the undated evening.
  const october = names[1];
  expect(october).toMatch(/^Remove from Chamber breakfast \(.+\)$/);
  await page.getByRole('button', { name: october, exact: true }).click();
  await expect(removes).toHaveCount(2);
  const stored = await page.evaluate(() => ['oct', 'nov'].map((id) => JSON.parse(localStorage.getItem(`cg.e.${id}`)).attendees || []));
  expect(stored).toEqual([[], ['meg']]);
  // One Chamber breakfast left: its button says only its name again.
  await expect(page.getByRole('button', { name: 'Remove from Chamber breakfast', exact: true })).toBeVisible();
});

test('"Met at <event> too" files someone met again under the current event; "Remove from <event>" takes a mistake back, with Undo', async ({ page }) => {
  await openApp(page);
  await addPerson(page, { name: 'Old Friend' });
  await createEvent(page, 'WI evening');
  const attendees = () => page.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('cg.e.')).map(([, v]) => JSON.parse(v).attendees || [])[0]);
  // Someone saved before the event, met again at it.
  await page.getByRole('link', { name: 'People' }).click();
  await page.getByRole('link', { name: /^Old Friend/ }).click();
  await page.getByRole('button', { name: 'Met at WI evening too' }).click();
  await expect(page.getByText('Filed under WI evening.')).toBeVisible();
  await expect(page.getByRole('link', { name: /^WI evening/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Met at WI evening too' })).toHaveCount(0);
  expect(await attendees()).toHaveLength(1);
  // Filed by mistake: removed, put back, removed again.
  await page.getByRole('button', { name: 'Remove from WI evening' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed from WI evening.' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^WI evening/ })).toHaveCount(0);
  expect(await attendees()).toEqual([]);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('link', { name: /^WI evening/ })).toBeVisible();
  expect(await attendees()).toHaveLength(1);
  await page.getByRole('button', { name: 'Remove from WI evening' }).click();
  await expect(page.getByRole('button', { name: 'Met at WI evening too' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('link', { name: /^WI evening/ })).toHaveCount(0);
  // The event page agrees.
  await page.goto(page.url().replace(/#.*/, '#/events'));
  await page.getByRole('link', { name: /^WI evening/ }).click();
  await expect(page.getByText('0 met so far').or(page.getByRole('heading', { name: 'People I met here' }))).toBeVisible();
  await expect(page.getByRole('link', { name: /^Old Friend/ })).toHaveCount(0);
});

test('Back after "Save" goes where "Add person" was tapped, never to an empty form; Back after a delete never shows the deleted', async ({ page }) => {
  await openApp(page);
  await createEvent(page, 'WI evening');
  const event = page.getByRole('heading', { level: 1, name: 'WI evening' });
  for (const name of ['Meg', 'Tom']) {
    await page.getByRole('button', { name: 'Add person here' }).click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await expect(event).toBeVisible();
  }
  // The browser's own Back agrees: the form is not in history behind the person.
  await page.getByRole('link', { name: /^Meg/ }).first().click();
  await page.goBack();
  await expect(event).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Meg' })).toBeVisible();

  // Deleted from their page, opened from the event: People is a tab (no Back in the header);
  // the browser's Back returns to the event, not to Meg's page.
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'People' })).toBeVisible();
  await page.goBack();
  await expect(event).toBeVisible();
  await expect(page.getByRole('link', { name: /^Meg/ })).toHaveCount(0);

  // The undo toast floats over the page's foot for ten seconds; the page makes room below it,
  // so the last control scrolls clear of it.
  const toast = page.getByRole('status').filter({ hasText: 'Deleted Meg.' });
  await expect(toast).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  const deleteEvent = await page.getByRole('button', { name: 'Delete event' }).boundingBox();
  expect(deleteEvent.y + deleteEvent.height).toBeLessThanOrEqual((await toast.boundingBox()).y);

  // Same for an event: Back from the list it left never opens the deleted event.
  await page.getByRole('button', { name: 'Delete event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^WI evening/ })).toHaveCount(0);
});

test('someone saved twice under one name is merged from their page, nothing either held lost, with Undo', async ({ page }) => {
  await seed(page, Object.fromEntries([
    person('meg1', "Meg O'Brien", [['Running', 'sport']], { what: 'Garden designer', created: 1 }),
    person('meg2', 'meg obrien', [['Allotment', 'hobbies']], { notes: 'Daughter at St Mary\'s', contact: { phone: '07700 900123' }, created: 2 }),
    person('ann', 'Ann Smith', [['Running', 'sport']]),
    ['cg.e.wi', { id: 'wi', name: 'WI evening', date: '2026-11-05', attendees: ['meg1', 'ann'], created: 1, updated: 1 }],
    ['cg.e.cb', { id: 'cb', name: 'Chamber breakfast', date: '2026-11-20', attendees: ['meg2'], created: 1, updated: 1 }],
  ]));
  await openApp(page, '#/people/meg2');
  await expect(page.getByRole('heading', { level: 1, name: 'meg obrien' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Saved twice?' })).toBeVisible();
  await expect(page.getByText("Another record of Meg O'Brien is saved (met at WI evening, Nov 2026).")).toBeVisible();
  await expect(page.getByRole('link', { name: 'See the other' })).toHaveAttribute('href', '#/people/meg1');
  await page.getByRole('button', { name: 'Merge into this one' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Merged the two records' })).toContainText("Merged the two records of meg obrien.");
  await expect(page.getByRole('heading', { name: 'Saved twice?' })).toHaveCount(0);
  // Both records' interests, notes, details and meetings on the one kept.
  await expect(page.getByRole('main').getByText('Running', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('main').getByText('Allotment', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('link', { name: 'Call 07700 900123' })).toBeVisible();
  await expect(page.getByRole('link', { name: /^WI evening/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^Chamber breakfast/ })).toBeVisible();

  // Undo: both records back as they were, each at its own meeting.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('heading', { name: 'Saved twice?' })).toBeVisible();
  const stored = () => page.evaluate(() => ({
    people: Object.keys(localStorage).filter((k) => k.startsWith('cg.p.')).sort(),
    wi: JSON.parse(localStorage.getItem('cg.e.wi')).attendees,
    cb: JSON.parse(localStorage.getItem('cg.e.cb')).attendees,
  }));
  expect(await stored()).toEqual({ people: ['cg.p.ann', 'cg.p.meg1', 'cg.p.meg2'], wi: ['meg1', 'ann'], cb: ['meg2'] });

  // Merged for good: one record, at both meetings, after a reload.
  await page.getByRole('button', { name: 'Merge into this one' }).click();
  await expect(page.getByRole('heading', { name: 'Saved twice?' })).toHaveCount(0);
  expect(await stored()).toEqual({ people: ['cg.p.ann', 'cg.p.meg2'], wi: ['meg2', 'ann'], cb: ['meg2'] });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'meg obrien' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Saved twice?' })).toHaveCount(0);
  await openApp(page, '#/people/ann');
  await expect(page.getByRole('heading', { level: 1, name: 'Ann Smith' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Saved twice?' })).toHaveCount(0);
});

test('two people of one name are told apart once, on either page, for good', async ({ page }) => {
  await seed(page, Object.fromEntries([
    person('john1', 'John Smith', [['Golf', 'sport']], { what: 'Accountant', created: 1 }),
    person('john2', 'John Smith', [['Cycling', 'sport']], { what: 'Plumber', created: 2 }),
  ]));
  await openApp(page, '#/people/john2');
  await expect(page.getByText('Another record of John Smith is saved (Accountant).')).toBeVisible();
  await page.getByRole('button', { name: 'They are two people' }).click();
  await expect(page.getByRole('heading', { name: 'Saved twice?' })).toHaveCount(0);
  await openApp(page, '#/people/john1');
  await expect(page.getByRole('heading', { level: 1, name: 'John Smith' })).toBeVisible();
  await expect(page.getByText('Accountant')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Saved twice?' })).toHaveCount(0);
  // Both records stay, as they were.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cg.p.')).sort())).toEqual(['cg.p.john1', 'cg.p.john2']);
});
