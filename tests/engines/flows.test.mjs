// The core flows in Safari's engine (WebKitGTK) and Firefox's (Firefox ESR), through plain W3C
// WebDriver (tests/engines/webdriver.mjs), against the release build in dist/ served by
// tests/e2e/server.py. Chromium runs the full Playwright suite; this suite makes sure the
// next change cannot break every iPhone (or Firefox) unseen.
//
//   node --test tests/engines/            both engines (scripts/test runs this)
//   ENGINES=webkit node --test tests/engines/
//
// Console errors: Firefox writes the page's console to geckodriver's stdout
// (devtools.console.stdout.content), so every error from the first byte of the first load is
// caught. WebKitWebDriver does not apply MiniBrowser's console-to-stdout setting to the views
// it automates, so in WebKit a collector (window error, unhandledrejection, console.error) is
// installed as soon as the driver hands the loaded page back; an error during the load itself
// shows as the app not starting (the main navigation never appears).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { qrFormOf } from '../e2e/qr_form.mjs';
import { ENGINES, startDriver, newSession, startXvfb, consoleErrors, freePort, sleep } from './webdriver.mjs';
import { everyFileGzip, startGzipServer, settled, firstVisitReport, FIRST_VISIT_SENT_RATIO } from '../bench/sent.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = process.env.DIST || path.join(ROOT, 'dist');
const wanted = (process.env.ENGINES || 'webkit,firefox').split(',').map((s) => s.trim()).filter(Boolean);

async function serve(port) {
  const child = spawn('python3', [path.join(ROOT, 'tests/e2e/server.py'), String(port)], {
    stdio: 'ignore',
    env: { ...process.env, DIST },
  });
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise((resolve) => {
      http.get(base, (r) => (r.resume(), resolve(r.statusCode === 200))).on('error', () => resolve(false));
    });
    if (ok) return { base, stop: () => new Promise((r) => (child.once('exit', r), child.kill())) };
    await sleep(100);
  }
  child.kill();
  throw new Error(`tests/e2e/server.py did not answer on ${base}`);
}

// Installed after each navigation: page errors from then on (see the header for WebKit).
const COLLECT = () => {
  if (window.__errors) return;
  window.__errors = [];
  window.addEventListener('error', (e) => window.__errors.push(`error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => window.__errors.push(`unhandled rejection: ${e.reason}`));
  const original = console.error;
  console.error = (...a) => {
    window.__errors.push(`console.error: ${a.join(' ')}`);
    original.apply(console, a);
  };
};

async function open(s, url) {
  await s.goto(url);
  await s.run(COLLECT);
  await s.byRole('navigation', 'Main');
}

async function noPageErrors(s, mark = 0) {
  const seen = (await s.run(() => window.__errors || [])).concat(consoleErrors(s.driver.name, s.driver.since(mark)));
  assert.deepEqual(seen, [], `${s.driver.engine.label}: errors in the page`);
}

async function nav(s, name) {
  const main = await s.byRole('navigation', 'Main');
  await s.click('link', name, { within: main });
}

async function makeMap(s, name, interests) {
  await nav(s, 'My map');
  await s.fill('textbox', 'Your name', name);
  for (const i of interests) {
    const box = await s.fill('textbox', 'Add interest', i);
    await s.press(box, 'Enter');
    await s.byRole('textbox', `Edit ${i}`);
  }
}

async function shareLink(s, passphrase) {
  await nav(s, 'My map');
  await s.click('button', 'Share my map');
  const box = await s.byRole('textbox', 'Share link');
  const link = (not) =>
    s.waitFor((b, not) => /#\/m\/.+/.test(b.value) && b.value !== not && b.value, 'a share link', { args: [box, not] });
  const plain = await link('');
  if (!passphrase) return plain;
  await s.fill('textbox', 'Passphrase (optional)', passphrase);
  await s.click('button', 'Lock link');
  return link(plain); // sealed with the passphrase: a different link
}

for (const name of wanted) {
  const engine = ENGINES[name];
  if (!engine) throw new Error(`ENGINES: unknown engine "${name}" (known: ${Object.keys(ENGINES).join(', ')})`);

  describe(engine.label, { concurrency: false }, () => {
    let display;
    let server;
    const sessions = [];
    // A driver per session: WebKitWebDriver runs one session at a time, and each session is a
    // browser with a fresh profile (another person's phone).
    const session = async () => {
      const driver = await startDriver(name, display ? { DISPLAY: display.display } : {});
      try {
        const s = await newSession(driver);
        sessions.push(s);
        await s.setTimeouts({ script: 30_000, pageLoad: 30_000 });
        return s;
      } catch (e) {
        driver.stop();
        throw e;
      }
    };

    before(async () => {
      assert.ok(fs.existsSync(path.join(DIST, 'index.html')), `no release build in ${DIST}: run trunk build --release`);
      display = engine.needsDisplay ? await startXvfb() : null;
      server = await serve(Number(process.env.ENGINES_PORT) || (await freePort()));
    });

    after(async () => {
      for (const s of sessions) {
        await s.quit();
        s.driver.stop();
      }
      display?.stop();
      await server?.stop();
    });

    let a; // the first phone: used by the flows that follow the first load

    test('first load: Home is drawn and the page reports no error', async () => {
      a = await session();
      await open(a, server.base);
      await a.byRole('heading', 'Home');
      await sleep(300); // the record codec loads in the background: let it report
      await noPageErrors(a);
      console.log(`# ${engine.label} ${a.browserVersion}: roles and names ${a.computed ? 'confirmed by computedrole/computedlabel' : 'matched by visible text only'}`);
    });

    test('every page opens (each lazily loaded chunk group)', async () => {
      const mark = a.driver.output.text.length;
      for (const [link, heading] of [['My map', 'My map'], ['People', 'People'], ['Events', 'Events'], ['Settings', 'Settings'], ['Home', 'Home']]) {
        await nav(a, link);
        await a.byRole('heading', heading);
      }
      // The scan page, and the QR decoder it fetches as it opens (a group of its own): with no
      // BarcodeDetector, as on every iPhone, the decoder is what reads a code.
      await a.click('button', 'Scan a code');
      await a.byRole('heading', 'Scan a code');
      await a.waitFor(() => performance.getEntriesByType('resource').some((e) => /\/split_scanning-/.test(e.name)), 'the QR decoder fetched');
      await sleep(500); // instantiated: a failure would be a page error
      await nav(a, 'My map');
      await a.click('button', 'Share my map');
      // The map is still empty here: the share page offers a quick map instead of a code of
      // nothing (the share flows below make a map and read its link).
      await a.byRole('button', 'Make a quick map');
      await noPageErrors(a, mark);
    });

    test('a person added, with a promise made while talking, is still there after a reload', async () => {
      await nav(a, 'Home');
      await a.click('button', 'Add person');
      await a.fill('textbox', 'Name', 'Meg Reload');
      await a.disclose('Add a follow-up');
      await a.fill('textbox', 'Follow-up', 'Send her the photos');
      await a.click('button', 'In a week');
      await a.click('button', 'Save');
      await a.byRole('heading', 'Meg Reload');
      await a.byRole('checkbox', /^Send her the photos/);
      // The saved person took the form's place in history (`location.replace`): Back is Home,
      // not an empty form.
      await a.click('button', 'Back');
      await a.byRole('heading', 'Home');
      await a.waitFor(() => location.hash === '#/', 'Home after Back');
      // Her name typed again is known at once, with her page a tap away.
      await a.click('button', 'Add person');
      await a.fill('textbox', 'Name', 'meg  reload');
      await a.waitFor(() => document.querySelector('.known-name')?.textContent.startsWith('Already saved: Meg Reload'), 'the name known as it is typed');
      await a.byRole('link', 'See Meg Reload');
      await a.fill('textbox', 'Name', '');
      await nav(a, 'Home');
      await a.click('link', /^Meg Reload/);
      await a.byRole('heading', 'Meg Reload');
      await a.reload();
      await a.byRole('heading', 'Meg Reload');
      await a.byRole('checkbox', /^Send her the photos/);
      const due = await a.run(() => JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('cg.p.') && localStorage.getItem(k).includes('Meg Reload')))).follow_ups[0].due);
      const inAWeek = await a.run(() => { const d = new Date(); d.setDate(d.getDate() + 7); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
      assert.equal(due, inAWeek, 'the promise is due in a week');
      // Kept: ticked, so the list of all (a later flow) holds only its own.
      await a.click('checkbox', /^Send her the photos/);
      await a.waitFor(() => Object.keys(localStorage).some((k) => k.startsWith('cg.p.') && /"done":true/.test(localStorage.getItem(k)) && localStorage.getItem(k).includes('Meg Reload')), 'the promise ticked and saved');
      await nav(a, 'People');
      await a.byRole('link', /Meg Reload/);
    });

    test('someone saved twice is merged from their page, and Undo puts both back', async () => {
      await a.run(() => {
        const at = (id, name, interests, created) => localStorage.setItem(`cg.p.${id}`, JSON.stringify({ id, name, interests, created, updated: created }));
        at('tess1', 'Tess Twice', [['Running', 'sport']], 1);
        at('tess2', 'tess  twice', [['Allotment', 'hobbies']], 2);
      });
      await a.reload();
      await a.run(() => { location.hash = '#/people/tess2'; });
      await a.byRole('heading', 'Saved twice?');
      await a.click('button', 'Merge into this one');
      await a.waitFor(() => !localStorage.getItem('cg.p.tess1') && /Allotment/.test(localStorage.getItem('cg.p.tess2')) && /Running/.test(localStorage.getItem('cg.p.tess2')), 'one record holding both');
      await a.click('button', 'Undo');
      await a.byRole('heading', 'Saved twice?');
      await a.waitFor(() => !!localStorage.getItem('cg.p.tess1') && !/Running/.test(localStorage.getItem('cg.p.tess2')), 'both records as they were');
      await noPageErrors(a);
    });

    test('a search and the place in a long list are where Back returns', async () => {
      // History entries, their state and `replaceState` are what differ between engines here.
      await a.run(() => {
        for (let i = 0; i < 40; i++) {
          const id = `scroll${i}`;
          localStorage.setItem(`cg.p.${id}`, JSON.stringify({ id, name: `Person ${String(i).padStart(2, '0')}`, interests: [['Running', 'sport']], created: 1, updated: 1 }));
        }
      });
      await a.reload();
      await nav(a, 'Home');
      await a.fill('searchbox', 'Search people', 'Person 34');
      await a.click('button', 'Search');
      const searched = () => {
        const rows = [...document.querySelectorAll('.person-list li')].map((li) => li.textContent);
        return rows.length === 1 && rows[0].startsWith('Person 34');
      };
      await a.waitFor(() => location.hash === '#/people?q=Person%2034', 'People searched from Home');
      await a.waitFor(searched, 'Person 34 found');
      await a.click('link', /^Person 34/);
      await a.byRole('heading', 'Person 34');
      await a.click('button', 'Back');
      await a.waitFor(() => document.querySelector('input[type=search]')?.value === 'Person 34', 'the search kept');
      await a.waitFor(searched, 'the same person found');
      await nav(a, 'People');
      await a.waitFor(() => location.hash === '#/people' && document.querySelector('input[type=search]').value === '', 'the People tab lists everyone');
      // The Sort box is named "Sort" alone (a label wrapped round a select could take in the
      // option shown), and the order it sets rides in the fragment.
      const sort = await a.byRole('combobox', 'Sort');
      await a.run((el) => {
        el.value = 'recent';
        el.dispatchEvent(new Event('change', { bubbles: true }));
      }, sort);
      await a.waitFor(() => location.hash === '#/people?o=recent', 'sorted by Recent');
      await nav(a, 'People');
      await a.waitFor(() => location.hash === '#/people' && document.querySelector('select[id^=sort]').value === 'name', 'the People tab sorts by name again');
      // The tab tap's `hashchange` puts the page at the top a frame later (the People page's
      // own listener): a scroll made before that frame is undone by it, so wait for two frames
      // first, then check the place held for two more before leaving it.
      const frames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.scrollY))));
      await a.runAsync(frames);
      const left = await a.run(() => {
        document.querySelector('a[href="#/people/scroll35"]').scrollIntoView();
        return window.scrollY;
      });
      assert.ok(left > 500, `scrolled down the list (${left})`);
      const held = await a.runAsync(frames);
      assert.ok(Math.abs(held - left) <= 2, `the list stays where it was scrolled to (${held}, not ${left})`);
      await a.click('link', /^Person 35/);
      await a.byRole('heading', 'Person 35');
      await a.click('button', 'Back');
      await a.waitFor((left) => Math.abs(window.scrollY - left) <= 2, `back at ${left}`, { args: [left] });
    });

    test('a shared map opens in a fresh profile from its QR code\'s link, and is saved', async () => {
      await makeMap(a, 'Alice', ['Running', 'Canal boats']);
      const link = await shareLink(a);
      // The code full screen: its screen wake lock is asked of an engine that may not have one.
      await a.click('button', 'Bigger code');
      await a.byRole('dialog', 'The code, full screen');
      await a.click('button', 'Close');
      await a.waitFor(() => !document.querySelector('[role=dialog]'), 'the full-screen code closed');
      await sleep(300); // a refused wake lock would be a page error by now
      // Back (an iPhone's swipe) closes the big code and stays on the share page.
      await a.click('button', 'Bigger code');
      await a.byRole('dialog', 'The code, full screen');
      await a.back();
      await a.waitFor(() => !document.querySelector('[role=dialog]') && location.hash === '#/share', 'the code closed by Back, on the share page');
      await noPageErrors(a);
      const b = await session();
      // What an iPhone's camera opens from the code the share page draws: the QR form.
      await b.goto(qrFormOf(link));
      await b.run(COLLECT);
      await b.byRole('heading', "Alice's map");
      await b.click('button', 'Save as acquaintance');
      await b.byRole('heading', 'Alice');
      await b.reload();
      await nav(b, 'People');
      await b.byRole('link', /Alice/);
      const stored = await b.run(() => Object.keys(localStorage).filter((k) => k.startsWith('cg.p.')).map((k) => localStorage.getItem(k)));
      assert.ok(stored.some((v) => v.includes('Alice') && v.includes('Canal boats')), 'Alice is stored with her interests');
      await noPageErrors(b);
    });

    test('a shared link names its sender while the received page is still on its way', async () => {
      const saved = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/data/links/format-3/sample-map-20-1.json'), 'utf8'));
      const host = await startGzipServer(DIST);
      try {
        await host.hold('split_receiving-');
        const s = await session();
        await s.goto(`${host.base}#/m/${saved.link}`);
        await s.run(COLLECT);
        // Read ahead from the link by the main module, in this engine too.
        await s.byRole('heading', "Zoe Taylor's map");
        assert.equal(await s.hasRole('button', 'Save as acquaintance'), false, 'the received page is held back');
        await host.release();
        await s.byRole('button', 'Save as acquaintance');
        await noPageErrors(s);
      } finally {
        await host.release();
        await host.stop();
      }
    });

    test('a passphrase-locked link opens only with the right passphrase', async () => {
      await makeMap(a, 'Lena', ['Birdwatching']);
      const link = await shareLink(a, 'blue teapot');
      const c = await session();
      await c.goto(link);
      await c.byRole('heading', 'A locked map');
      assert.equal(await c.run(() => document.body.innerText.includes('Birdwatching')), false, 'nothing of the map shows before it is unlocked');
      await c.fill('textbox', 'Passphrase', 'green teapot');
      await c.click('button', 'Open');
      await c.waitFor(() => [...document.querySelectorAll('[role="alert"]')].some((e) => e.textContent.includes('does not open this link')), 'the wrong-passphrase alert');
      await c.fill('textbox', 'Passphrase', 'blue teapot');
      await c.click('button', 'Open');
      await c.byRole('heading', "Lena's map");
      await c.waitForText('Birdwatching');
    });

    test('a close interest is a starter, and a follow-up is added by Enter, refused empty, undone and ticked in the list of all', async () => {
      const mark = a.driver.output.text.length;
      await makeMap(a, 'Sam', ['Wild swimming']);
      await nav(a, 'Home');
      await a.click('button', 'Add person');
      await a.fill('textbox', 'Name', 'Tom Close');
      await a.press(await a.fill('textbox', 'Add interest', 'Sea swimming'), 'Enter');
      await a.click('button', 'Save');
      await a.byRole('heading', 'Tom Close');
      await a.waitForText('Ask them about Sea swimming: close to your Wild swimming');
      await a.click('button', 'Add follow-up');
      await a.waitFor(() => [...document.querySelectorAll('[role="alert"]')].some((e) => e.textContent === 'Write what to follow up first.'), 'the missing-words alert');
      await a.press(await a.fill('textbox', 'Follow-up', 'Ring about the hall'), 'Enter');
      await a.byRole('checkbox', /^Ring about the hall/);
      await a.click('button', 'Change');
      await a.click('button', 'Delete follow-up');
      await a.waitForText('Deleted “Ring about the hall”.');
      await a.click('button', 'Undo');
      await a.byRole('checkbox', /^Ring about the hall/);
      // Every follow-up in one list, from Home; a tick there is saved and stays in place.
      await nav(a, 'Home');
      await a.click('link', 'All follow-ups (1)');
      await a.byRole('heading', 'Follow-ups');
      await a.waitForText('1 follow-up to do.');
      await a.click('checkbox', /^Ring about the hall/);
      await a.waitForText('All done.');
      await a.waitFor(() => document.querySelector('.follow-up input[type=checkbox]')?.checked === true, 'the tick kept on the page');
      await noPageErrors(a, mark);
    });

    test('a monthly meeting: "Another meeting of" fills the new one, and a regular ticked there is kept after a reload', async () => {
      const mark = a.driver.output.text.length;
      // Last month's book club, where Meg Reload (saved above) was met.
      await a.run(() => {
        const meg = Object.keys(localStorage)
          .filter((k) => k.startsWith('cg.p.'))
          .map((k) => JSON.parse(localStorage.getItem(k)))
          .find((p) => p.name === 'Meg Reload');
        const e = { id: 'flow-oct', name: 'Book club', date: '2026-10-01', place: 'The library', attendees: [meg.id], created: 1, updated: 1 };
        localStorage.setItem('cg.e.flow-oct', JSON.stringify(e));
      });
      await a.reload();
      await nav(a, 'Events');
      // The form folds under its summary once there are events (no role to find it by here).
      await a.run(() => [...document.querySelectorAll('summary')].find((s) => s.textContent.trim() === 'New event').click());
      await a.click('button', 'Book club');
      assert.equal(await a.value(await a.byRole('textbox', 'Place')), 'The library');
      await a.click('button', 'Create event');
      await a.byRole('heading', 'Book club');
      await a.click('checkbox', 'Meg Reload');
      await a.byRole('heading', 'People I met here (1)');
      await a.reload();
      await a.byRole('heading', 'People I met here (1)');
      await a.waitFor(() => document.querySelector('.regulars input[type=checkbox]')?.checked === true, 'the tick kept after a reload');
      await noPageErrors(a, mark);
    });

    /** Asserts what a first visit at `hash` made the server send: every file at most once. */
    const sentOnce = async (hash, what, ready) => {
      const host = await startGzipServer(DIST);
      try {
        const s = await session();
        await s.goto(host.base + hash);
        await s.run(COLLECT);
        await ready(s);
        await s.waitForServiceWorker(60_000);
        const report = firstVisitReport(await settled(host), everyFileGzip(DIST));
        console.log(`# ${engine.label} ${s.browserVersion}: ${what}: ${report.text}`);
        if (process.env.ENGINES_VERBOSE) console.log(report.largest.join('\n'));
        if (!engine.noHttpCache) {
          assert.deepEqual(report.twice, [], 'no file is downloaded twice');
          assert.ok(report.ok, report.text);
        } else {
          // WebKitGTK's automation sessions are ephemeral, with no HTTP cache at all (a fetch
          // with cache: 'force-cache' right after the same fetch downloads it again), so the
          // precache must download once more what the page loaded by <script>/<link> tags: the
          // HTML, JS, CSS and icon (Safari itself keeps them in its HTTP cache). Every wasm
          // file and the share tables, nearly all of the bytes, must still be sent once; and
          // without those second copies the total must be within the limit.
          const twiceData = report.twiceFiles.filter((f) => /\.(wasm|bin)$/.test(f));
          assert.deepEqual(twiceData, [], 'no wasm file or share table is downloaded twice');
          const rest = (report.bytes - report.again) / report.floor;
          console.log(`# ${engine.label}: without the second copies of the page's HTML/JS/CSS/icon (${report.again.toLocaleString('en-GB')} B): ${rest.toFixed(3)}×`);
          assert.ok(rest <= FIRST_VISIT_SENT_RATIO, `${rest.toFixed(3)}× without the second copies; ${report.text}`);
        }
      } finally {
        await host.stop();
      }
    };

    test('a first visit is sent every file at most once (page and precache, gzip host)', async () => {
      await sentOnce('', 'first visit', (s) => s.byRole('navigation', 'Main'));
    });

    test('a first visit from a shared link is sent every file at most once, its chunks and tables too', async () => {
      const saved = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/data/links/format-3/sample-map-20-1.json'), 'utf8'));
      await sentOnce(`#/m/${saved.link}`, 'first visit from a shared link', async (s) => {
        await s.byRole('heading', "Zoe Taylor's map");
        await s.byRole('button', 'Save as acquaintance');
      });
    });

    test('offline: with the server stopped, a reload is served by the service worker', async () => {
      // A server of its own, so stopping it takes this origin off the network entirely.
      const own = await serve(await freePort());
      let stopped = false;
      try {
        const d = await session();
        await open(d, own.base);
        await d.waitForServiceWorker();
        await d.click('button', 'Add person');
        await d.fill('textbox', 'Name', 'Ada Offline');
        await d.click('button', 'Save');
        await d.byRole('heading', 'Ada Offline');
        await own.stop();
        stopped = true;
        assert.equal(await d.runAsync((u) => fetch(u + '?probe=' + Date.now(), { cache: 'no-store' }).then(() => 'up', () => 'down'), own.base), 'down', 'the server is down');
        await d.reloadFromPage();
        await d.byRole('heading', 'Ada Offline');
        // Every page group opens offline: they were precached on the first visit.
        for (const [link, heading] of [['My map', 'My map'], ['People', 'People'], ['Events', 'Events'], ['Settings', 'Settings']]) {
          await nav(d, link);
          await d.byRole('heading', heading);
        }
        await d.byRole('link', /Ada Offline/).catch(async () => {
          await nav(d, 'People');
          await d.byRole('link', /Ada Offline/);
        });
      } finally {
        if (!stopped) await own.stop();
      }
    });
  });
}
