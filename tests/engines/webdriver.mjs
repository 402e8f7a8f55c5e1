// A small W3C WebDriver client over HTTP (Node built-ins only), for the cross-engine suite:
// WebKitGTK through WebKitWebDriver (MiniBrowser, under Xvfb) and Firefox ESR through
// geckodriver. No Selenium, no browser download: the drivers and browsers are Debian's and
// crates.io's (scripts/setup.sh, setup_engines).
//
// Elements are found as a user finds them: by role and accessible name. The page is asked for
// candidates whose visible name matches (a label's text, aria-label, or the text of a button
// or link); where the engine implements WebDriver's computedrole/computedlabel, the found
// element's role and name are then checked against what the engine's accessibility tree says.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
// Every driver and display started here ends with this process, even when a test throws.
const started = [];
process.on('exit', () => started.forEach((c) => c.exitCode === null && (c.killGroup ? c.killGroup() : c.kill())));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const ENGINES = {
  webkit: {
    label: 'WebKitGTK (MiniBrowser)',
    driver: '/usr/bin/WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    browser: () =>
      ['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser']
        .find((p) => fs.existsSync(p)),
    capabilities: (binary) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': {
        binary,
        // Console messages go to MiniBrowser's stdout, which the driver passes on: the suite
        // reads JavaScript errors from there.
        args: ['--automation', '--enable-write-console-messages-to-stdout=true'],
      },
    }),
    needsDisplay: true,
    // Its automation sessions are ephemeral and keep no HTTP cache (see tests/engines/).
    noHttpCache: true,
  },
  firefox: {
    label: 'Firefox ESR',
    driver: 'geckodriver',
    args: (port) => ['--port', String(port), '--log', 'warn'],
    browser: () => ['/usr/bin/firefox-esr', '/usr/bin/firefox'].find((p) => fs.existsSync(p)),
    capabilities: (binary) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary,
        args: ['-headless'],
        prefs: {
          // Page console messages go to stdout (read for errors, like WebKit's above).
          'devtools.console.stdout.content': true,
          // Keep it off the network: no updates, telemetry or captive-portal checks.
          'app.update.enabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'browser.safebrowsing.malware.enabled': false,
          'browser.safebrowsing.phishing.enabled': false,
          'extensions.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'browser.startup.homepage_override.mstone': 'ignore',
          'app.normandy.enabled': false,
          'messaging-system.rsexperimentloader.enabled': false,
          'toolkit.telemetry.enabled': false,
        },
      },
    }),
    needsDisplay: false,
  },
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function request(base, method, url, body) {
  const res = await fetch(base + url, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${method} ${url}: HTTP ${res.status}, not JSON: ${text.slice(0, 200)}`);
  }
  const value = json.value;
  if (!res.ok || (value && value.error)) {
    const e = new Error(`${method} ${url}: ${value?.error || res.status}: ${String(value?.message || text).split('\n')[0].slice(0, 300)}`);
    e.code = value?.error;
    throw e;
  }
  return value;
}

/** A virtual X display for WebKitGTK (there is no headless MiniBrowser in Debian's build). */
export async function startXvfb() {
  if (process.env.DISPLAY && process.env.ENGINES_OWN_DISPLAY !== '1') return { display: process.env.DISPLAY, stop() {} };
  for (let n = 90 + Math.floor(Math.random() * 100); n < 400; n++) {
    if (fs.existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn('Xvfb', [`:${n}`, '-screen', '0', '1024x900x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    started.push(child);
    for (let i = 0; i < 50; i++) {
      await sleep(100);
      if (child.exitCode !== null) break;
      if (fs.existsSync(`/tmp/.X11-unix/X${n}`)) return { display: `:${n}`, stop: () => child.kill() };
    }
    child.kill();
  }
  throw new Error('could not start Xvfb');
}

/** Starts a driver; its stdout and stderr (the browser's console among them) are collected. */
export async function startDriver(name, env = {}) {
  const engine = ENGINES[name];
  const port = await freePort();
  // A process group of its own, so that stopping the driver stops the browser it started.
  const child = spawn(engine.driver, engine.args(port), {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    detached: true,
  });
  child.killGroup = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      child.kill();
    }
  };
  started.push(child);
  const out = { text: '' };
  child.stdout.on('data', (d) => (out.text += d));
  child.stderr.on('data', (d) => (out.text += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${engine.driver} exited: ${out.text.trim().slice(-300)}`);
    try {
      await request(base, 'GET', '/status');
      return {
        name,
        engine,
        base,
        output: out,
        /** Console output since `mark` (a length of output.text). */
        since: (mark) => out.text.slice(mark),
        stop: () => child.killGroup(),
      };
    } catch {
      await sleep(100);
    }
  }
  child.killGroup();
  throw new Error(`${engine.driver} did not answer on ${base}`);
}

/** A new session is a new browser with a fresh profile: another person's phone. */
export async function newSession(driver) {
  const binary = driver.engine.browser();
  if (!binary) throw new Error(`${driver.engine.label}: browser binary not found`);
  const caps = { alwaysMatch: { ...driver.engine.capabilities(binary), pageLoadStrategy: 'normal' } };
  const created = await request(driver.base, 'POST', '/session', { capabilities: caps });
  const s = new Session(driver, created.sessionId, created.capabilities);
  // Phone-ish, where the window manager lets it be (best effort: the flows work at any size).
  await s.cmd('POST', '/window/rect', { width: 400, height: 800 }).catch(() => {});
  return s;
}

class Session {
  constructor(driver, id, caps) {
    this.driver = driver;
    this.id = id;
    this.caps = caps;
    this.browserVersion = caps.browserVersion;
    this.computed = undefined; // whether computedrole/computedlabel are implemented
  }

  cmd(method, url, body) {
    return request(this.driver.base, method, `/session/${this.id}${url}`, body);
  }

  async quit() {
    await this.cmd('DELETE', '').catch(() => {});
  }

  async goto(url) {
    await this.cmd('POST', '/url', { url });
  }

  async reload() {
    await this.cmd('POST', '/refresh', {});
  }

  /** The browser's Back (a phone's Back button or swipe). */
  async back() {
    await this.cmd('POST', '/back', {});
  }

  /** Reloads as the page's own location.reload() does, then waits for the new document.
   * (geckodriver's refresh goes past the service worker to the network: with the server
   * stopped it shows Firefox's error page; a user's reload is served by the worker.) */
  async reloadFromPage() {
    await this.run(() => {
      window.__old = true;
      setTimeout(() => location.reload(), 0);
    });
    await this.waitFor(() => document.readyState === 'complete' && !window.__old, 'the reloaded page');
  }

  url() {
    return this.cmd('GET', '/url');
  }

  async setTimeouts(t) {
    await this.cmd('POST', '/timeouts', t);
  }

  /** Runs a function body in the page; arguments may be elements. */
  run(fn, ...args) {
    return this.cmd('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments)`, args });
  }

  /** Runs an async function in the page and waits for its promise. */
  runAsync(fn, ...args) {
    return this.cmd('POST', '/execute/async', {
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve((${fn}).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then((v) => done({ ok: v }), (e) => done({ error: String(e && e.message || e) }));`,
      args,
    }).then((r) => {
      if (r && r.error) throw new Error(r.error);
      return r && r.ok;
    });
  }

  /** What the page showed when a wait gave up: its address, its h1s, the errors it collected
   * (window.__errors, when the test installed the collector in this document) and the errors
   * the browser printed, so that a failure in CI says whether the app had stopped or was slow. */
  async state() {
    let page;
    try {
      page = await this.run(() => ({
        url: location.href.slice(0, 120),
        h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
        main: (document.querySelector('main')?.textContent || '').trim().slice(0, 120),
        errors: window.__errors || null,
        // Where the page is and how tall: a wait on a place in a long list says where it was.
        scroll: [Math.round(window.scrollY), document.documentElement.scrollHeight, window.innerHeight],
      }));
    } catch (e) {
      page = { unreadable: e.message.slice(0, 120) };
    }
    const printed = consoleErrors(this.driver.name, this.driver.since(0)).slice(-5);
    return `the page: ${JSON.stringify(page)}; the browser printed: ${JSON.stringify(printed)}`;
  }

  /** Polls `fn` in the page until it returns something truthy. */
  async waitFor(fn, what, { timeout = 15_000, args = [] } = {}) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const v = await this.run(fn, ...args);
        if (v) return v;
      } catch (e) {
        last = e; // a navigation in progress: try again
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.driver.engine.label}: timed out waiting for ${what}${last ? ` (${last.message})` : ''}; ${await this.state()}`);
      }
      await sleep(100);
    }
  }

  /** The element with this role and accessible name (waits until it is visible). */
  async byRole(role, name, { timeout = 15_000, within = null } = {}) {
    // The app may redraw the element between finding and checking it (a received map's heading
    // is drawn first from the link, then again by its page): find it again when it went stale.
    for (let attempt = 0; ; attempt++) {
      const el = await this.waitFor(FIND_BY_ROLE, `${role} "${name}"`, { timeout, args: [role, wire(name), within] });
      try {
        await this.checkAccessible(el, role, name);
        return el;
      } catch (e) {
        if (attempt >= 5 || !/stale element/i.test(`${e.code} ${e.message}`)) throw e;
      }
    }
  }

  /** Whether some visible element has this role and name right now. */
  async hasRole(role, name) {
    return !!(await this.run(FIND_BY_ROLE, role, wire(name), null));
  }

  /** Confirms role and name with the engine's own accessibility tree, where the driver can. */
  async checkAccessible(el, role, name) {
    if (this.computed === false) return;
    try {
      const [r, n] = [await this.cmd('GET', `/element/${el[ELEMENT]}/computedrole`), await this.cmd('GET', `/element/${el[ELEMENT]}/computedlabel`)];
      // Some engines answer an empty string rather than an error when they have no tree.
      if (r === '' && n === '') {
        this.computed = false;
        return;
      }
      this.computed = true;
      // WebKit maps a one-line <select> to a pop-up button, as VoiceOver reads it.
      const roleOk = r === role || (role === 'textbox' && r === 'searchbox') || (role === 'heading' && /^heading/.test(r))
        || (role === 'combobox' && r === 'button' && (await this.run((e) => e.tagName, el)) === 'SELECT');
      // WebKit's computed name of a filled text field ends with its value, spaces collapsed.
      const value = role === 'textbox' ? await this.run((e) => (e.value || '').replace(/\s+/g, ' ').trim(), el) : '';
      const nameOk = (x) => (name instanceof RegExp ? name.test(x) : x === name);
      if (!roleOk || !(nameOk(n) || (value && n === `${name} ${value}`))) {
        throw new Error(`${this.driver.engine.label}: the ${role} "${name}" has computed role "${r}" and name "${n}"`);
      }
    } catch (e) {
      if (/unknown command|unsupported operation|unknown method|not implemented/i.test(`${e.code} ${e.message}`)) {
        this.computed = false;
        return;
      }
      throw e;
    }
  }

  async click(role, name, opts) {
    const el = await this.byRole(role, name, opts);
    try {
      await this.cmd('POST', `/element/${el[ELEMENT]}/click`, {});
    } catch (e) {
      // WebKitWebDriver misplaces its click point on position: fixed elements (the bottom
      // navigation) and reports the click intercepted. Check what a finger would hit there,
      // as the driver should have, then click it from the page.
      if (e.code !== 'element click intercepted') throw e;
      const hit = await this.run(TOP_AT_CENTRE, el);
      if (!hit) throw new Error(`${this.driver.engine.label}: the ${role} "${name}" is covered by another element`);
      await this.cmd('POST', `/element/${el[ELEMENT]}/click`, {}).catch(async (again) => {
        if (again.code !== 'element click intercepted') throw again;
        await this.run((e) => e.click(), el);
      });
    }
    return el;
  }

  /** Opens a folded section (`<details>`) by a tap on its summary, found by its text. */
  async disclose(text) {
    const summary = await this.waitFor(
      (t) => [...document.querySelectorAll('summary')].find((s) => s.textContent.trim() === t),
      `the folded section "${text}"`,
      { args: [text] },
    );
    // A user scrolls it clear of the fixed navigation bar first (see `click`).
    await this.run((s) => s.scrollIntoView({ block: 'center' }), summary);
    await this.cmd('POST', `/element/${summary[ELEMENT]}/click`, {});
    await this.waitFor((s) => s.parentElement.open, `"${text}" open`, { args: [summary] });
  }

  /** Replaces a text field's value, typing as a user would. */
  async fill(role, name, text) {
    const el = await this.byRole(role, name);
    await this.cmd('POST', `/element/${el[ELEMENT]}/clear`, {}).catch(async (e) => {
      // Say where the field and the page were: "not interactable" alone says nothing.
      const at = await this.run(WHERE, el).catch(() => null);
      e.message += ` (the ${role} "${name}": ${JSON.stringify(at)})`;
      throw e;
    });
    if (text) await this.cmd('POST', `/element/${el[ELEMENT]}/value`, { text });
    return el;
  }

  async press(el, key) {
    const keys = { Enter: '\uE007' };
    await this.cmd('POST', `/element/${el[ELEMENT]}/value`, { text: keys[key] || key });
  }

  value(el) {
    return this.run((e) => e.value, el);
  }

  /** Waits until the page shows this text somewhere visible. */
  waitForText(text, timeout) {
    return this.waitFor(
      (t) => document.body && document.body.innerText.includes(t),
      `the text "${text}"`,
      { timeout, args: [text] },
    );
  }

  /** Waits until a service worker that has precached the app controls the page. */
  waitForServiceWorker(timeout = 30_000) {
    return this.waitFor(
      () => !!navigator.serviceWorker && !!navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated',
      'an activated service worker controlling the page',
      { timeout },
    );
  }
}

// Runs in the page: where an element is against the window, and what is on top at its centre.
const WHERE = function (el) {
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {
    top: Math.round(r.top), bottom: Math.round(r.bottom), scrollY: Math.round(scrollY), innerHeight,
    focused: document.activeElement === el,
    onTop: top === el ? 'itself' : top ? `${top.tagName.toLowerCase()}.${top.className}` : null,
  };
};

// Runs in the page: whether the element (or something inside it) is on top at its centre, once
// scrolled to the middle of the screen (a user scrolls it clear of the fixed navigation bar).
const TOP_AT_CENTRE = function (el) {
  el.scrollIntoView({ block: 'center' });
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return !!top && (top === el || el.contains(top));
};

// A name is a string, or a RegExp sent as its source.
const wire = (name) => (name instanceof RegExp ? { re: name.source, flags: name.flags } : name);

// Runs in the page. The accessible-name rules that the app's controls use: aria-label, then
// the text of aria-labelledby or a <label>, then the text content (buttons, links, headings).
const FIND_BY_ROLE = function (role, name, within) {
  const root = within || document;
  const selectors = {
    button: 'button, [role="button"], input[type="button"], input[type="submit"]',
    link: 'a[href], [role="link"]',
    textbox: 'input:not([type]), input[type="text"], input[type="search"], input[type="url"], input[type="email"], input[type="tel"], input[type="password"], textarea, [role="textbox"], [role="searchbox"]',
    searchbox: 'input[type="search"], [role="searchbox"]',
    heading: 'h1, h2, h3, h4, h5, h6, [role="heading"]',
    navigation: 'nav, [role="navigation"]',
    img: 'img, svg[role="img"], [role="img"]',
    alert: '[role="alert"]',
    checkbox: 'input[type="checkbox"], [role="checkbox"]',
    combobox: 'select:not([multiple]), [role="combobox"]',
  };
  const text = (el) => (el ? (el.textContent || '').replace(/\s+/g, ' ').trim() : '');
  const accName = (el) => {
    const aria = el.getAttribute('aria-label');
    if (aria) return aria.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
    if (el.labels && el.labels.length) return text(el.labels[0]);
    if (el.tagName === 'IMG') return (el.getAttribute('alt') || '').trim();
    if (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') return (el.getAttribute('placeholder') || '').trim();
    return text(el);
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const matches = typeof name === 'string' ? (n) => n === name : (n) => new RegExp(name.re, name.flags).test(n);
  for (const el of root.querySelectorAll(selectors[role] || `[role="${role}"]`)) {
    if (matches(accName(el)) && visible(el)) return el;
  }
  return null;
};

/** JavaScript errors in a stretch of a driver's output (the browser console on stdout). */
export function consoleErrors(name, output) {
  const lines = output.split('\n');
  if (name === 'webkit') {
    // WebKit: "CONSOLE JS ERROR <message>" and friends, one per message.
    return lines.filter((l) => /^CONSOLE .*\bERROR\b/.test(l) && !IGNORED.some((re) => re.test(l)));
  }
  // Firefox (devtools.console.stdout.content): "console.error: ..." and uncaught exceptions.
  return lines.filter((l) => /^(console\.error|JavaScript error):/.test(l) && !IGNORED.some((re) => re.test(l)));
}

// Messages the browser prints about itself (its own start-up, its own modules at resource://,
// such as Firefox's BackupService), not about the page, which is served over http.
const IGNORED = [
  /favicon/i,
  /unrecognized command line flag/,
  /^console\.error: (RSLoader|Nimbus|Remote ?Settings)/i,
  // Firefox's own code (resource:///, resource://gre/, chrome://), never the page's: e.g. its
  // picture-in-picture helper, which keeps watching the scan page's video after it is gone.
  /^JavaScript error: (resource|chrome):\/\//,
  // ...and its own console errors, which name such a file: e.g. remote settings polling a
  // network this machine does not have.
  /^console\.error: .*"(resource|chrome):\/\//,
];

export const tmpDir = (prefix) => fs.mkdtempSync(path.join(os.tmpdir(), prefix));
export { sleep };
