// Exporting one person's card and my own card (buttons mounted on the person page and My map).
import fs from 'node:fs/promises';
import { test, expect, openApp, addPerson } from './fixtures.mjs';

test('"Add to phone contacts" on a person and "Save my contact card" on My map save .vcf cards', async ({ page }) => {
  await openApp(page);
  await addPerson(page, { name: "Meg O'Brien", what: 'Garden design', interests: ['Running'] });
  const [card] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Add to phone contacts', exact: true }).click()]);
  expect(card.suggestedFilename()).toBe('meg-o-brien.vcf');
  const text = await fs.readFile(await card.path(), 'utf8');
  expect(text).toContain("FN:Meg O'Brien");
  expect(text).toMatch(/INTEREST[^:]*:Running/);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My map' }).click();
  await page.getByRole('textbox', { name: 'Your name' }).fill('Claire Smith');
  const [mine] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save my contact card' }).click()]);
  expect(mine.suggestedFilename()).toBe('claire-smith.vcf');
  expect(await fs.readFile(await mine.path(), 'utf8')).toContain('FN:Claire Smith');
});
