#!/usr/bin/env node
// The in-browser half of the benchmark (run by scripts/bench): serves the release build,
// drives Debian's Chromium through Playwright and CDP, and measures PRODUCT.md's budget
// figures. Every figure is reported, never asserted; a figure that cannot be measured prints
// its error in its row and the rest carry on.
//
//   node tests/bench/browser.mjs [--root DIR] [--seed FILE] [--template FILE] [--out FILE]
//
// --root      a directory holding dist/ and tests/e2e/server.py (default: the repository;
//             scripts/bench passes a snapshot so a concurrent `trunk build` cannot change the
//             files mid-run)
// --seed      the JSON object { key: value } of every localStorage record of the 5,000-person
//             sample (`cargo run --release --example seed_network`)
// --template  one person record { key: value } (`... seed_network -- --person-template`)
// --out       where the Markdown results table goes (default target/bench/results.md)
//
// Relies only on the accessible-name contract of PRODUCT.md: navigation "Main" with links
// "Home", "My map", "People", "Events", "Settings"; Home button "Add person"; person form
// textbox "Name" and button "Save"; People searchbox "Search" and its live result count; the
// h1 headings "Home" and "My map".
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measure as measureBytes, FIRST_VISIT_BUDGET } from '../budgets.mjs';
import { LAUNCH, PHONE } from '../chromium.mjs';
import { everyFileGzip, startGzipServer, settled, firstVisitReport, FIRST_VISIT_SENT_RATIO } from './sent.mjs';
import { receiverFigure, receiverRow } from './receiver.mjs';
import { forgetProbe, trackProbe, waitForProbe, withReports } from './probe_wait.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 && process.argv[i + 1] ? path.resolve(process.argv[i + 1]) : fallback;
};
const ROOT = arg('--root', REPO);
const DIST = path.join(ROOT, 'dist');
const SEED = arg('--seed', path.join(REPO, 'target/bench/seed.json'));
const TEMPLATE = arg('--template', path.join(REPO, 'target/bench/person-template.json'));
const OUT = arg('--out', path.join(REPO, 'target/bench/results.md'));
// The floor: a bare Leptos 0.8 counter (bench/counter), built by scripts/bench with the same
// toolchain; its figures are measured in the same run and the app's are given as ratios to it.
const COUNTER = arg('--counter', null);
// --only b,g measures just those sections (letters as printed: [a] … [g]); default all.
const ONLY = (() => {
  const i = process.argv.indexOf('--only');
  return i > 0 && process.argv[i + 1] ? new Set(process.argv[i + 1].split(',')) : null;
})();
const want = (letter) => !ONLY || ONLY.has(letter);

// Lighthouse's mobile preset ("slow 4G"): 150 ms RTT, 1.6 Mbps down, 750 Kbps up, 4× CPU.
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0 };
const CPU_SLOWDOWN = 4;
// A second first-visit tap, by someone who looks at Home for a moment first (no budget).
const LOOK_FIRST_MS = 3000;
// The first-visit taps timed besides the budgeted one (no budget): the figure's key, the tap
// (see `throttledFirstVisit`), what [b] prints before it and the label of its row.
const OTHER_TAPS = [
  {
    key: 'throttledLook', clickAt: LOOK_FIRST_MS,
    intro: `the tap ${LOOK_FIRST_MS / 1000} s after navigation start (someone who looks at Home first)`,
    label: `a tap on "My map" ${LOOK_FIRST_MS / 1000} s after navigation starts (someone who looks at Home first) to My map drawn`,
  },
  {
    key: 'throttledAdd', target: 'Add person', inNav: false,
    intro: 'the tap on Home\'s "Add person" button as soon as Home is drawn',
    label: 'a tap on Home\'s "Add person" button (as soon as Home is drawn) to the form drawn',
  },
  {
    key: 'throttledQr', target: 'Show my QR', inNav: false, drawn: 'Your map in a minute',
    intro: 'the tap on Home\'s "Show my QR" (a new notebook: the quick map) as soon as Home is drawn',
    label: 'a tap on Home\'s "Show my QR" (as soon as Home is drawn) to the quick map drawn',
  },
  {
    key: 'throttledScan', target: 'Scan a code', inNav: false,
    intro: 'the tap on Home\'s "Scan a code" as soon as Home is drawn',
    label: 'a tap on Home\'s "Scan a code" (as soon as Home is drawn) to the scan page drawn',
  },
  {
    key: 'throttledPeople', target: 'People',
    intro: 'the tap on "People" (not one of Home\'s doors) as soon as the navigation shows',
    label: 'a tap on "People" (as soon as the navigation shows) to People drawn',
  },
];
const QUOTA_UNITS = 5 * 1024 * 1024; // 5 MiB as localStorage counts it: UTF-16 code units
const RUNS = { throttled: 3, offline: 7, seeded: 9 };
// A prefix, then the measured keystroke; each narrows the sample's list (checked in the output).
const SEARCHES = [['gar', 'd'], ['wal', 'k'], ['tea', 'c'], ['run', 'n'], ['sw', 'i']];

const log = (...a) => console.log('  ', ...a);
const ms = (x) => (x == null || !Number.isFinite(x) ? '—' : x >= 100 ? `${Math.round(x)} ms` : `${x.toFixed(1)} ms`);
const secs = (x) => (x == null || !Number.isFinite(x) ? '—' : `${(x / 1000).toFixed(2)} s`);
const bytes = (n) => `${n.toLocaleString('en-GB')} B`;
const kib = (n) => `${(n / 1024).toFixed(1)} KB`;
function median(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const list = (xs, f = ms) => xs.map((x) => f(x)).join(', ');
const firstLine = (e) => String((e && e.message) || e).split('\n')[0].slice(0, 200);
function withTimeout(promise, millis, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: gave up after ${millis / 1000} s`)), millis))),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------
// Servers

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

async function freePort(preferred) {
  for (let p = preferred; p < preferred + 40; p++) if (await portFree(p)) return p;
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

const children = [];
process.on('exit', () => children.forEach((c) => c.exitCode === null && c.kill()));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));

async function startServer(label, script, port, extra = []) {
  const child = spawn('python3', [script, String(port), ...extra], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label} exited: ${stderr.trim().split('\n').pop()}`);
    const ok = await new Promise((resolve) => {
      http.get(base, (r) => (r.resume(), resolve(r.statusCode === 200))).on('error', () => resolve(false));
    });
    if (ok) return { label, base, child };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${label} did not answer on ${base}`);
}

// ---------------------------------------------------------------------------------------
// In-page probes

/** Installed before any page script: records, on performance.now()'s clock (0 = navigation
 * start), when the main navigation appears, when the Home heading is visible and the frame
 * after it, and (with `click`) clicks "My map" as soon as the navigation exists and records
 * when the app answered the tap (`respond`: the page area changed, to "Opening…" while the
 * page's chunk is fetched or straight to the page) and when the "My map" heading has rendered
 * (`map`, which on a first visit includes fetching that page's chunk). */
function probe({ click, clickAt = 0, target = 'My map', inNav = true, drawn = target }, report) {
  // Every change is reported to the bench by a console message (tests/bench/probe_wait.mjs).
  const w = report('__cg', {
    nav: null, home: null, homeFrame: null, clickAt: null, respond: null, respondFrame: null,
    map: null, mapFrame: null, error: null,
  });
  const afterFrame = (set) => requestAnimationFrame(() => setTimeout(() => set(performance.now()), 0));
  const heading = (text) => {
    for (const h of document.querySelectorAll('h1')) {
      if (h.textContent.trim() === text) {
        const r = h.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) return h;
      }
    }
    return null;
  };
  const nav = () => document.querySelector('nav[aria-label="Main"]');
  const check = () => {
    const now = performance.now();
    if (w.nav === null && nav()) w.nav = now;
    if (w.nav === null) return;
    if (w.home === null && heading('Home')) {
      w.home = now;
      afterFrame((t) => (w.homeFrame = t));
    }
    // `inNav`: a link of the navigation ("My map"); else a button of Home's page ("Add person").
    if (click && w.clickAt === null && (inNav || w.home !== null)) {
      w.clickAt = -1;
      // `clickAt`: not before this many ms after navigation start (someone who looks first).
      setTimeout(() => {
        const link = inNav
          ? [...nav().querySelectorAll('a')].find(
            (a) => a.textContent.trim() === target || a.getAttribute('aria-label') === target,
          )
          : [...document.querySelectorAll('main button')].find((b) => b.textContent.trim() === target);
        if (!link) {
          w.error = `no "${target}" to tap`;
          return;
        }
        w.clickAt = performance.now();
        link.click();
      }, Math.max(0, clickAt - performance.now()));
    }
    if (w.clickAt > 0 && w.respond === null && !heading('Home')) {
      const main = document.querySelector('main');
      if (heading(drawn) || (main && main.textContent.includes('Opening'))) {
        w.respond = now;
        afterFrame((t) => (w.respondFrame = t));
      }
    }
    if (w.clickAt > 0 && w.map === null && heading(drawn)) {
      w.map = now;
      afterFrame((t) => (w.mapFrame = t));
    }
    if ((!click || w.map !== null) && w.home !== null) observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** Waits until the probe's `key` and the frame after it are recorded (or it reports an
 * error), without running anything in the page meanwhile (see tests/bench/probe_wait.mjs). */
async function readProbe(page, key, timeout) {
  const done = (w) => !!(w.error || (w[key] !== null && w[key + 'Frame'] !== null));
  const r = await waitForProbe(page, '__cg', done, () => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const wasm = performance.getEntriesByType('resource').find((r) => r.name.endsWith('_bg.wasm'));
    return window.__cg && {
      ...window.__cg,
      fcp: paint ? paint.startTime : null,
      wasmEnd: wasm ? wasm.responseEnd : null,
      controlled: !!navigator.serviceWorker?.controller,
    };
  }, timeout);
  if (r.error) throw new Error(r.error);
  return r;
}

/** Waits until an activated service worker controls the page (so its precache is complete).
 * The predicate must be synchronous: waitForFunction does not await a promise, it takes the
 * promise object itself as truthy. */
async function waitForServiceWorker(page) {
  await page.waitForFunction(
    () => navigator.serviceWorker?.controller?.state === 'activated',
    null,
    { timeout: 30_000, polling: 100 },
  );
}

/** Reloads at Home (the route lives in the fragment, so drop it first). */
async function reloadAtHome(page) {
  await page.evaluate(() => history.replaceState(null, '', location.pathname + location.search));
  forgetProbe(page);
  await page.reload({ waitUntil: 'commit' });
}

// ---------------------------------------------------------------------------------------
// The figures

const figures = {};
const foreign = new Set();
const loadAtStart = os.loadavg()[0].toFixed(2);
let chromiumVersion = '?';

async function newPhone(browser, base, options = {}) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: 'allow', ...options });
  trackProbe(context, '__cg');
  const origin = new URL(base).origin;
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.add(u);
  });
  return context;
}

async function figure(name, fn, timeout = 180_000) {
  const t0 = Date.now();
  try {
    figures[name] = await withTimeout(fn(), timeout, name);
  } catch (e) {
    figures[name] = { error: firstLine(e) };
    log(`${name}: FAILED: ${firstLine(e)}`);
  }
  log(`(${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}

/** a. Bytes per file a first visit fetches, as CDP sees them arrive (headers included). */
async function firstVisitBytes(browser, server) {
  const context = await newPhone(browser, server.base);
  try {
    await context.addInitScript(withReports(probe, { click: true }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const reqs = new Map();
    cdp.on('Network.requestWillBeSent', (e) => reqs.set(e.requestId, { url: e.request.url, bytes: 0, body: 0, encoding: '' }));
    cdp.on('Network.responseReceived', (e) => {
      const r = reqs.get(e.requestId);
      if (!r) return;
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      r.encoding = h['content-encoding'] || '';
      r.fromCache = e.response.fromDiskCache || e.response.fromServiceWorker;
    });
    cdp.on('Network.dataReceived', (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.body += e.dataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = reqs.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    await page.goto(server.base, { waitUntil: 'load' });
    await readProbe(page, 'map', 30_000);
    await page.waitForTimeout(300);
    const origin = new URL(server.base).origin;
    const files = [...reqs.values()]
      .filter((r) => r.url.startsWith(origin))
      .map((r) => ({ file: new URL(r.url).pathname.replace(/^\//, '') || 'index.html', bytes: r.bytes, body: r.body, encoding: r.encoding }));
    return { files, total: files.reduce((s, f) => s + f.bytes, 0) };
  } finally {
    await context.close();
  }
}

/** b. Time to interactive, first visit, Lighthouse-mobile throttling; fresh context per run.
 * `tap` (one of OTHER_TAPS; by default "My map" as soon as the navigation shows) says what is
 * tapped, where, when, and which heading says its page is drawn. */
async function throttledFirstVisit(browser, server, runs, { clickAt = 0, target = 'My map', inNav = true, drawn = target } = {}) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    const context = await newPhone(browser, server.base);
    try {
      await context.addInitScript(withReports(probe, { click: true, clickAt, target, inNav, drawn }));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(server.base, { waitUntil: 'commit', timeout: 60_000 });
      out.push(await readProbe(page, 'map', 60_000));
    } finally {
      await context.close();
    }
  }
  const r = {
    interactive: median(out.map((r) => r.respond)),
    respondFrame: median(out.map((r) => r.respondFrame)),
    pageOpened: median(out.map((r) => r.map)),
    nav: median(out.map((r) => r.nav)),
    fcp: median(out.map((r) => r.fcp)),
    wasmEnd: median(out.map((r) => r.wasmEnd)),
    runs: out.map((r) => r.respond),
    // The tapped page first: from the tap on "My map" to its heading drawn (its chunks fetched).
    tapToDrawn: median(out.map((r) => r.map - r.clickAt)),
    tapRuns: out.map((r) => r.map - r.clickAt),
  };
  log(`${server.label}: tap on "${target}" to its page drawn ${secs(r.tapToDrawn)} (runs ${list(r.tapRuns, secs)})`);
  if (target !== 'My map') return r;
  log(`${server.label}: interactive (Home drawn and a tap on "My map" answered) ${secs(r.interactive)} (runs ${list(r.runs, secs)}); ` +
    `frame after ${secs(r.respondFrame)}; "My map" drawn after fetching its chunk ${secs(r.pageOpened)}; nav present ${secs(r.nav)}, ` +
    `first contentful paint ${secs(r.fcp)}, main wasm downloaded ${secs(r.wasmEnd)}`);
  return r;
}

/** A page with the probe installed, opened once and controlled by the service worker. */
async function controlledPage(context, server, click) {
  await context.addInitScript(withReports(probe, { click }));
  const page = await context.newPage();
  await page.goto(server.base);
  await readProbe(page, click ? 'map' : 'home', 30_000);
  await waitForServiceWorker(page);
  return page;
}

/** c. Repeat visit offline: the service worker serves everything. */
async function repeatOffline(browser, server, runs) {
  const context = await newPhone(browser, server.base);
  try {
    const page = await controlledPage(context, server, true);
    await context.setOffline(true);
    const sample = async () => {
      const out = [];
      const answered = [];
      for (let i = 0; i < runs; i++) {
        await reloadAtHome(page);
        const r = await readProbe(page, 'map', 30_000);
        if (!r.controlled) throw new Error('the reloaded page is not controlled by the service worker');
        out.push(r.map);
        answered.push(r.respond);
      }
      return [out, answered];
    };
    const [plain] = await sample();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const [slow, slowAnswered] = await sample();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const r = {
      interactive: median(plain), runs: plain, cpu4: median(slow), cpu4runs: slow,
      // Home drawn and the tap answered, with 4× CPU: what the counter's figure measures.
      cpu4Answered: median(slowAnswered), cpu4AnsweredRuns: slowAnswered,
    };
    log(`offline repeat visit: interactive ${ms(r.interactive)} (runs ${list(plain)}); with ${CPU_SLOWDOWN}× CPU ${ms(r.cpu4)} (runs ${list(slow)}); ` +
      `with ${CPU_SLOWDOWN}× CPU, Home drawn and the tap answered ${ms(r.cpu4Answered)} (runs ${list(slowAnswered)})`);
    return r;
  } finally {
    await context.close();
  }
}

/** d. With the 5,000-person network stored: start, a search keystroke, saving a person. */
async function seeded(browser, server, seed, runs) {
  const context = await newPhone(browser, server.base);
  try {
    const page = await controlledPage(context, server, false);
    const stored = await page.evaluate((entries) => {
      localStorage.clear();
      for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      let units = 0;
      for (let i = 0; i < localStorage.length; i++) {
        const k = localStorage.key(i);
        units += k.length + localStorage.getItem(k).length;
      }
      return { records: localStorage.length, units };
    }, seed);
    log(`seeded ${stored.records.toLocaleString('en-GB')} records, ${stored.units.toLocaleString('en-GB')} UTF-16 units`);

    const starts = [];
    for (let i = 0; i < runs; i++) {
      await reloadAtHome(page);
      starts.push(await readProbe(page, 'home', 30_000));
    }
    const start = {
      home: median(starts.map((r) => r.home)),
      frame: median(starts.map((r) => r.homeFrame)),
      fcp: median(starts.map((r) => r.fcp)),
      runs: starts.map((r) => r.home),
      records: stored.records,
      controlled: starts.every((r) => r.controlled),
    };
    log(`start with ${stored.records} records: nav + Home heading ${ms(start.home)} (runs ${list(start.runs)}), ` +
      `the frame after ${ms(start.frame)}, first-contentful-paint ${ms(start.fcp)}` +
      (start.controlled ? ' (served by the service worker)' : ' (NOT all served by the service worker)'));

    // Search: one more character in the People searchbox, until the live count changes.
    const search = {};
    try {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People', exact: true }).click();
      const box = page.getByRole('searchbox', { name: 'Search', exact: true });
      await box.waitFor({ timeout: 15_000 });
      const countText = () =>
        box.evaluate((input) => {
          const p = [...document.querySelectorAll('p[aria-live="polite"]')].find(
            (p) => input.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING,
          );
          return p ? p.textContent.trim() : null;
        });
      search.all = await countText();
      log(`People page shows "${search.all}"`);
      const times = [];
      const frames = [];
      const changes = [];
      for (const [prefix, ch] of SEARCHES.slice(0, runs)) {
        await box.fill(prefix);
        await page.waitForTimeout(150);
        const before = await countText();
        await box.evaluate((input) => {
          const p = [...document.querySelectorAll('p[aria-live="polite"]')].find(
            (p) => input.compareDocumentPosition(p) & Node.DOCUMENT_POSITION_FOLLOWING,
          );
          if (!p) throw new Error('no p[aria-live=polite] result count after the searchbox');
          const s = (window.__search = { start: null, end: null, frame: null, before: p.textContent, after: null });
          input.addEventListener('keydown', (e) => (s.start = e.timeStamp), { capture: true, once: true });
          const obs = new MutationObserver(() => {
            if (s.end === null && p.textContent !== s.before) {
              s.end = performance.now();
              s.after = p.textContent.trim();
              obs.disconnect();
              requestAnimationFrame(() => setTimeout(() => (s.frame = performance.now()), 0));
            }
          });
          obs.observe(p, { childList: true, subtree: true, characterData: true });
        });
        await box.press(ch);
        await page.waitForFunction(() => window.__search.frame !== null, null, { timeout: 10_000, polling: 50 });
        const s = await page.evaluate(() => window.__search);
        times.push(s.end - s.start);
        frames.push(s.frame - s.start);
        changes.push(`"${prefix}"+"${ch}": ${before} → ${s.after}`);
      }
      await box.fill('');
      Object.assign(search, { update: median(times), frame: median(frames), runs: times, changes });
      log(`search keystroke to updated count: ${ms(search.update)} (runs ${list(times)}); the frame after ${ms(search.frame)}`);
      log(`  ${changes.join('; ')}`);
    } catch (e) {
      search.error = firstLine(e);
      log(`search: FAILED: ${search.error}`);
    }

    // Saving a new person: from the click on "Save" to the person's heading.
    const save = {};
    try {
      const times = [];
      const frames = [];
      const handled = [];
      for (let i = 0; i < runs; i++) {
        const name = `Bench Person ${i + 1} ${Date.now() % 100000}`;
        await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home', exact: true }).click();
        await page.getByRole('button', { name: 'Add person', exact: true }).click();
        await page.getByRole('textbox', { name: 'Name', exact: true }).fill(name);
        const button = page.getByRole('button', { name: 'Save', exact: true });
        await button.evaluate((btn, name) => {
          const s = (window.__save = { start: null, handled: null, end: null, frame: null });
          btn.addEventListener(
            'click',
            (e) => {
              s.start = e.timeStamp;
              // The first task after the click: the save handler (submit) has returned by then.
              setTimeout(() => (s.handled = performance.now()), 0);
            },
            { capture: true, once: true },
          );
          const found = () =>
            [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === name);
          const obs = new MutationObserver(() => {
            if (s.end === null && found()) {
              s.end = performance.now();
              obs.disconnect();
              requestAnimationFrame(() => setTimeout(() => (s.frame = performance.now()), 0));
            }
          });
          obs.observe(document.body, { childList: true, subtree: true, characterData: true });
        }, name);
        await button.click();
        await page.waitForFunction(() => window.__save.frame !== null, null, { timeout: 10_000, polling: 50 });
        const s = await page.evaluate(() => window.__save);
        if (s.start === null) throw new Error('the click on "Save" was not seen');
        times.push(s.end - s.start);
        frames.push(s.frame - s.start);
        handled.push(s.handled - s.start);
      }
      const stillThere = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('cg.p.')).length);
      Object.assign(save, { saved: median(times), frame: median(frames), handled: median(handled), runs: times, people: stillThere });
      log(`save a new person: ${ms(save.saved)} to the heading (runs ${list(times)}); the frame after ${ms(save.frame)}; ` +
        `first task after the click (the save handler has returned) ${ms(save.handled)}; ${stillThere} people stored after`);
    } catch (e) {
      save.error = firstLine(e);
      log(`save: FAILED: ${save.error}`);
    }
    return { start, search, save };
  } finally {
    await context.close();
  }
}

/** e. People of the budget's shape that fit before localStorage throws. */
async function quota(browser, server, template) {
  const context = await newPhone(browser, server.base, { serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.goto(server.base);
    const r = await page.evaluate((tpl) => {
      const [[key0, value0]] = Object.entries(tpl);
      const id0 = key0.slice('cg.p.'.length);
      const A = '0123456789abcdefghjkmnpqrstvwxyz';
      const id = (n) => {
        let s = '';
        for (let i = 0; i < id0.length; i++) {
          s = A[n % 32] + s;
          n = Math.floor(n / 32);
        }
        return s;
      };
      localStorage.clear();
      let count = 0;
      let stoppedBy = null;
      for (;;) {
        const i = id(count + 1);
        try {
          localStorage.setItem('cg.p.' + i, value0.replace(`"id":"${id0}"`, `"id":"${i}"`));
          count++;
        } catch (e) {
          stoppedBy = e.name;
          break;
        }
        if (count >= 1_000_000) {
          stoppedBy = 'no quota error after 1,000,000 records';
          break;
        }
      }
      localStorage.clear();
      return { count, stoppedBy, units: key0.length + value0.length };
    }, template);
    const r5 = Math.floor(QUOTA_UNITS / r.units);
    log(`quota: Chromium took ${r.count.toLocaleString('en-GB')} people before ${r.stoppedBy}; ` +
      `each is ${r.units} UTF-16 units (key + value), so exactly 5 MiB holds ${r5.toLocaleString('en-GB')}`);
    return { ...r, fit5MiB: r5 };
  } finally {
    await context.close();
  }
}

/** f. What the server sends on a first visit, page and service-worker precache together,
 * against every built file once, gzipped (tests/bench/sent.mjs). */
async function sentFirstVisit(browser, host) {
  const context = await newPhone(browser, host.base);
  try {
    await context.addInitScript(withReports(probe, { click: true }));
    const page = await context.newPage();
    await host.reset();
    await page.goto(host.base);
    await readProbe(page, 'map', 30_000);
    await waitForServiceWorker(page);
    const r = firstVisitReport(await settled(host), everyFileGzip(DIST));
    log(`first visit (Chromium, gzip host): ${r.text}`);
    return r;
  } finally {
    await context.close();
  }
}

/** The counter's probe: when its button appears (Home drawn), a click on it as soon as it
 * does, and when the click was answered (the count changed) and the frame after. */
function counterProbe(_, report) {
  // Every change is reported to the bench by a console message (tests/bench/probe_wait.mjs).
  const w = report('__cg', { nav: null, home: null, homeFrame: null, clickAt: null, respond: null, respondFrame: null, error: null });
  const afterFrame = (set) => requestAnimationFrame(() => setTimeout(() => set(performance.now()), 0));
  const check = () => {
    const now = performance.now();
    const button = document.querySelector('nav[aria-label="Main"] button');
    if (!button) return;
    if (w.nav === null) {
      w.nav = w.home = now;
      afterFrame((t) => (w.homeFrame = t));
    }
    if (w.clickAt === null) {
      w.clickAt = -1;
      setTimeout(() => {
        w.clickAt = performance.now();
        button.click();
      }, 0);
    }
    if (w.clickAt > 0 && w.respond === null && button.textContent.includes('1')) {
      w.respond = now;
      afterFrame((t) => (w.respondFrame = t));
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/** g. The counter, throttled first visit and offline repeat visit at 4× CPU. */
async function counter(browser, host, runs) {
  const first = [];
  for (let i = 0; i < runs.throttled; i++) {
    const context = await newPhone(browser, host.base);
    try {
      await context.addInitScript(withReports(counterProbe));
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
      await page.goto(host.base, { waitUntil: 'commit', timeout: 60_000 });
      first.push((await readProbe(page, 'respond', 60_000)).respond);
    } finally {
      await context.close();
    }
  }
  const context = await newPhone(browser, host.base);
  const offline = [];
  try {
    await context.addInitScript(withReports(counterProbe));
    const page = await context.newPage();
    await page.goto(host.base);
    await readProbe(page, 'respond', 30_000);
    await waitForServiceWorker(page);
    // One more load while online, so the service worker has kept every file.
    forgetProbe(page);
    await page.reload();
    await readProbe(page, 'respond', 30_000);
    await context.setOffline(true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    for (let i = 0; i < runs.offline; i++) {
      forgetProbe(page);
      await page.reload({ waitUntil: 'commit' });
      const r = await readProbe(page, 'respond', 30_000);
      if (!r.controlled) throw new Error('the counter reloaded offline is not controlled by its service worker');
      offline.push(r.respond);
    }
  } finally {
    await context.close();
  }
  const r = { first: median(first), firstRuns: first, offlineCpu4: median(offline), offlineRuns: offline };
  log(`counter: first visit to interactive (throttled) ${secs(r.first)} (runs ${list(first, secs)}); ` +
    `repeat visit offline, ${CPU_SLOWDOWN}× CPU ${ms(r.offlineCpu4)} (runs ${list(offline)})`);
  return r;
}

// ---------------------------------------------------------------------------------------
// The report

function row(name, measured, budget) {
  return `| ${name} | ${measured} | ${budget} |`;
}

function err(f) {
  return f && f.error ? `error: ${f.error.replace(/\|/g, '/')}` : null;
}

function report(b) {
  const rows = [];
  const over = [];
  // Transfer
  if (b.error) rows.push(row('first-visit transfer, gzip, html+js+wasm+css', `error: ${b.error}`, '≤ 150 KB'));
  else {
    const wire = figures.bytesGzip && !figures.bytesGzip.error ? `; on the wire from the gzip server ${bytes(figures.bytesGzip.total)} incl. headers` : '';
    const rawSeen = figures.bytesPlain && !figures.bytesPlain.error ? `; uncompressed from server.py ${bytes(figures.bytesPlain.total)}` : '';
    rows.push(row('first-visit transfer, gzip, html+js+wasm+css',
      `${bytes(b.total.gzip)} (${kib(b.total.gzip)}) gzip -9, of which the main wasm module ${bytes(b.files.filter((f) => f.file.endsWith('.wasm')).reduce((s, f) => s + f.gzip, 0))}${wire}${rawSeen}. ` +
        `Not counted: ${b.chunks.count} lazily loaded wasm files (each page group but Home's, the record codec, the packs of small chunks they share), ${bytes(b.chunks.gzip)} gzip in all, fetched when first needed and precached by the service worker after the first visit`,
      `≤ 150 KB (${bytes(FIRST_VISIT_BUDGET)})`));
    if (b.total.gzip > FIRST_VISIT_BUDGET) over.push('first-visit transfer');
  }
  // Interactive, first visit
  if (want('b')) {
    const g = figures.throttledGzip;
    const p = figures.throttledPlain;
    const gz = err(g) || `${secs(g.interactive)} (gzip host, median of ${RUNS.throttled}: Home drawn and a tap answered; "My map" drawn, its chunk fetched: ${secs(g.pageOpened)})`;
    const pl = err(p) || `${secs(p.interactive)}`;
    rows.push(row('interactive on first visit, Lighthouse-mobile throttling (4× CPU, 1.6 Mbps, 150 ms RTT)', `${gz}; uncompressed (server.py): ${pl}`, '≤ 2.0 s'));
    if (g && g.interactive > 2000) over.push('interactive on first visit');
  }
  // Repeat offline
  if (want('c')) {
    const o = figures.offline;
    rows.push(row('interactive on a repeat visit, offline', err(o) || `${ms(o.interactive)} (median of ${RUNS.offline}); with ${CPU_SLOWDOWN}× CPU: ${ms(o.cpu4)}`, '≤ 0.4 s'));
    if (o && o.interactive > 400) over.push('repeat visit offline');
  }
  const d = figures.seeded;
  // Start with 5,000
  if (want('d')) {
    const s = d && !d.error ? d.start : d;
    rows.push(row('start with 5,000 people and 100 events stored, to first paint, unthrottled',
      err(s) || `${ms(s.home)} to nav + Home heading (median of ${RUNS.seeded}, app shell from the service worker); frame after: ${ms(s.frame)}; first-contentful-paint (boot splash): ${ms(s.fcp)}`,
      '≤ 200 ms'));
    if (s && s.home > 200) over.push('start with 5,000');
  }
  // Search
  if (want('d')) {
    const s = d && !d.error ? d.search : d;
    rows.push(row('search keystroke to updated results, 5,000 people', err(s) || `${ms(s.update)} (median of ${s.runs.length}); frame after: ${ms(s.frame)}`, '—'));
  }
  // Save
  if (want('d')) {
    const s = d && !d.error ? d.save : d;
    rows.push(row('saving a new person with 5,000 stored', err(s) || `${ms(s.saved)} click to heading (median of ${s.runs.length}); frame after: ${ms(s.frame)}; save handler returned after ${ms(s.handled)}`, '≤ 16 ms'));
    if (s && s.saved > 16) over.push('saving a new person');
  }
  // Quota
  if (want('e')) {
    const q = figures.quota;
    rows.push(row('people that fit in a 5 MiB localStorage quota (10 interests, 200-char note each)',
      err(q) || `${q.fit5MiB.toLocaleString('en-GB')} in exactly 5 MiB (${q.units} UTF-16 units each); Chromium's real quota took ${q.count.toLocaleString('en-GB')} before ${q.stoppedBy}`,
      '≥ 5,000'));
    if (q && q.fit5MiB < 5000) over.push('people in 5 MiB');
  }
  // First visit: the tapped page, the bytes sent, and the floor (the counter).
  {
    const g = figures.throttledGzip;
    if (g) rows.push(row('first visit, throttled: a tap on "My map" (as soon as the navigation shows) to My map drawn',
      err(g) || `${secs(g.tapToDrawn)} (gzip host, median of ${RUNS.throttled}; runs ${list(g.tapRuns, secs)})`, '≤ 1.5 s'));
    if (g && g.tapToDrawn > 1500) over.push('tap to My map drawn');
    for (const tap of OTHER_TAPS) {
      const t = figures[tap.key];
      if (t) rows.push(row(`first visit, throttled: ${tap.label}`,
        err(t) || `${secs(t.tapToDrawn)} (gzip host, median of ${RUNS.throttled}; runs ${list(t.tapRuns, secs)})`, '—'));
    }
    const f = figures.sent;
    if (f) rows.push(row('bytes the server sends on a first visit (page + service-worker precache), gzip host, Chromium',
      err(f) || (f ? f.text : '—'), `≤ ${FIRST_VISIT_SENT_RATIO}×`));
    if (f && !f.error && !f.ok) over.push('first-visit bytes sent');
    const c = figures.counter;
    const o = figures.offline;
    if (c && g && o) {
      const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : '—');
      rows.push(row('first visit to interactive, throttled: the app / a bare Leptos 0.8 counter (bench/counter, same toolchain, same run)',
        err(c) || err(g) || `${ratio(g.interactive, c.first)} (${secs(g.interactive)} / ${secs(c.first)})`, '≤ 1.4×'));
      if (!c.error && g && g.interactive / c.first > 1.4) over.push('first visit vs the counter');
      rows.push(row(`repeat visit offline, ${CPU_SLOWDOWN}× CPU, to interactive: the app / the counter`,
        err(c) || err(o) || `${ratio(o.cpu4Answered, c.offlineCpu4)} (${ms(o.cpu4Answered)} / ${ms(c.offlineCpu4)}; the app's My map drawn: ${ms(o.cpu4)})`, '≤ 1.2×'));
      if (!c.error && o && o.cpu4Answered / c.offlineCpu4 > 1.2) over.push('repeat visit vs the counter');
    }
  }
  // A first-time receiver of a share link (tests/bench/receiver.mjs)
  {
    const r = receiverRow(figures.receiver);
    rows.push(row(r.label, r.measured, r.budget));
    if (r.over) over.push('receiver sees the sender\'s name');
  }
  const table = ['| figure | measured | budget |', '|---|---|---|', ...rows].join('\n');
  return { table, over };
}

// ---------------------------------------------------------------------------------------

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    console.error(`browser bench: no release build in ${DIST}`);
    process.exit(1);
  }
  let budgets;
  try {
    budgets = measureBytes(DIST);
  } catch (e) {
    budgets = { error: firstLine(e) };
  }
  const readJson = (file, what) => {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      return { __error: `${what} (${file}): ${firstLine(e)}` };
    }
  };
  const seed = readJson(SEED, 'seed records');
  const template = readJson(TEMPLATE, 'person template');

  const plain = await startServer('server.py (uncompressed)', path.join(ROOT, 'tests/e2e/server.py'), await freePort(4520));
  const gzip = await startServer('gzip server', path.join(REPO, 'tests/bench/gzip_server.py'), await freePort(plain.base.endsWith(':4520/') ? 4521 : 4560), [DIST]);
  log(`serving ${DIST}: ${plain.base} (server.py, uncompressed), ${gzip.base} (gzip)`);
  const browser = await chromium.launch(LAUNCH);
  chromiumVersion = browser.version();
  log(`Chromium ${chromiumVersion}; load average ${loadAtStart}`);
  try {
    if (want('a')) console.log('\n[a] first-visit bytes per file');
    if (want('a')) await figure('bytesPlain', () => firstVisitBytes(browser, plain), 60_000);
    if (want('a')) await figure('bytesGzip', () => firstVisitBytes(browser, gzip), 60_000);
    if (want('a') && !budgets.error) {
      const seen = (f, file) => (f && !f.error ? f.files.filter((x) => x.file === file) : []);
      const w = Math.max(...budgets.files.map((f) => f.file.length), 4);
      const fmt = (n) => (n == null ? '—' : n.toLocaleString('en-GB'));
      log(`${'file'.padEnd(w)} | gzip -9 (budgets.mjs) | seen, server.py uncompressed | seen, gzip server | requests`);
      for (const f of budgets.files) {
        const p = seen(figures.bytesPlain, f.file);
        const g = seen(figures.bytesGzip, f.file);
        log(`${f.file.padEnd(w)} | ${fmt(f.gzip).padStart(21)} | ${fmt(p.reduce((s, x) => s + x.bytes, 0)).padStart(28)} | ${fmt(g.reduce((s, x) => s + x.bytes, 0)).padStart(16)} | ${Math.max(p.length, g.length)}`);
      }
      const others = (f) => (f && !f.error ? f.files.filter((x) => !budgets.files.some((b) => b.file === x.file)) : []);
      for (const o of others(figures.bytesGzip)) log(`also fetched by the page (gzip server): ${o.file} ${fmt(o.bytes)} B`);
      log(`TOTAL: gzip -9 ${fmt(budgets.total.gzip)} B; seen uncompressed ${fmt(figures.bytesPlain?.total)} B; seen from the gzip server ${fmt(figures.bytesGzip?.total)} B ` +
        '(seen = CDP encodedDataLength, response headers included; the service worker\'s precache fetches are not the page\'s and are not counted)');
      const dup = (figures.bytesGzip?.files || []).filter(
        (x, i, a) => budgets.files.some((b) => b.file === x.file) && a.findIndex((y) => y.file === x.file) !== i,
      );
      if (dup.length) log(`WARNING: fetched twice by the page: ${[...new Set(dup.map((d) => d.file))].join(', ')}`);
    }

    if (want('b')) {
      console.log(`\n[b] interactive on a first visit, throttled (median of ${RUNS.throttled}, fresh context each)`);
      await figure('throttledGzip', () => throttledFirstVisit(browser, gzip, RUNS.throttled));
      await figure('throttledPlain', () => throttledFirstVisit(browser, plain, RUNS.throttled));
      for (const tap of OTHER_TAPS) {
        console.log(`\n[b] the same, ${tap.intro}`);
        await figure(tap.key, () => throttledFirstVisit(browser, gzip, RUNS.throttled, tap));
      }
    }

    if (want('c')) {
      console.log(`\n[c] repeat visit, offline (median of ${RUNS.offline})`);
      await figure('offline', () => repeatOffline(browser, plain, RUNS.offline), 120_000);
    }

    if (want('d')) console.log(`\n[d] 5,000 people and 100 events stored, unthrottled (median of ${RUNS.seeded})`);
    if (want('d')) await figure('seeded', () => {
      if (seed.__error) throw new Error(seed.__error);
      return seeded(browser, plain, seed, RUNS.seeded);
    });

    if (want('f')) console.log('\n[f] bytes the server sends on a first visit, page and precache (gzip host)');
    if (want('f')) await figure('sent', async () => {
      const host = await startGzipServer(DIST);
      try {
        return await sentFirstVisit(browser, host);
      } finally {
        await host.stop();
      }
    }, 90_000);

    if (COUNTER && want('g')) {
      console.log(`\n[g] the floor: a bare Leptos 0.8 counter (${path.relative(REPO, COUNTER)}), same measurements`);
      await figure('counter', async () => {
        const host = await startGzipServer(COUNTER);
        try {
          return await counter(browser, host, RUNS);
        } finally {
          await host.stop();
        }
      });
    }

    if (want('r')) console.log('\n[r] a first-time receiver opens a share link, throttled');
    if (want('r')) await figure('receiver', () => receiverFigure(browser, gzip.base, RUNS.throttled, (r) => {
      if (!r.url().startsWith(new URL(gzip.base).origin + '/') && !/^(data|blob):/.test(r.url())) foreign.add(r.url());
    }));

    if (want('e')) console.log('\n[e] people that fit in the localStorage quota');
    if (want('e')) await figure('quota', () => {
      if (template.__error) throw new Error(template.__error);
      return quota(browser, plain, template);
    }, 120_000);
  } finally {
    await browser.close().catch(() => {});
    for (const c of children) c.kill();
  }
  if (foreign.size) log(`WARNING: requests to other origins: ${[...foreign].join(', ')}`);

  const { table, over } = report(budgets);
  const stamp = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const version = (() => {
    try {
      return /const VERSION = "([^"]+)"/.exec(fs.readFileSync(path.join(DIST, 'sw.js'), 'utf8'))?.[1] || '?';
    } catch {
      return '?';
    }
  })();
  const md = [
    `Common Ground benchmark, ${stamp}, build ${version}, Chromium ${chromiumVersion} on this machine ` +
      `(${os.cpus().length} cores, load average ${loadAtStart} at the start, ${os.loadavg()[0].toFixed(2)} at the end: ` +
      'other work on the machine makes the time figures noisier).',
    '',
    table,
    '',
    over.length ? `Over budget: ${over.join(', ')}. (Time figures are reported, not asserted.)` : 'Every measured figure is within its budget.',
    '',
  ].join('\n');
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, md);
  fs.writeFileSync(OUT.replace(/\.md$/, '') + '.json', JSON.stringify({ stamp, version, budgets, figures }, null, 1));
  console.log(`\nwrote ${path.relative(REPO, OUT)}`);
}

main().catch((e) => {
  console.error(`browser bench failed: ${e.stack || e}`);
  for (const c of children) c.kill();
  process.exit(1);
});
