// The README's first command, `./scripts/serve`, builds the app and serves it so that it works
// in a browser: Home drawn, a lazily loaded page opened, no console error. It once built
// nothing at all (trunk serve's live-reload script is inline, and the build stops on any inline
// script) while every other test passed on the release build. Serves into target/, never dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { LAUNCH, PHONE } from '../chromium.mjs';
import { freePort, sleep } from '../engines/webdriver.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The page at `url`, or status 0 while nothing answers. */
async function get(url) {
  try {
    const r = await fetch(url);
    return { status: r.status, body: await r.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

test('./scripts/serve builds the app and serves it to a browser', { timeout: 15 * 60_000 }, async () => {
  const port = await freePort();
  const out = [];
  // trunk serve goes on serving the last good build when a build fails: start from none.
  const dist = path.join(ROOT, 'target/serve-test-dist');
  fs.rmSync(dist, { recursive: true, force: true });
  const child = spawn('bash', [path.join(ROOT, 'scripts/serve'), '--dist', dist], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const s of [child.stdout, child.stderr]) s.on('data', (d) => out.push(String(d)));
  const base = `http://127.0.0.1:${port}/`;
  try {
    // Built once the page carries what the build's last step writes (the main module's early fetch).
    let page = { status: 0, body: '' };
    for (const start = Date.now(); Date.now() - start < 14 * 60_000; await sleep(1000)) {
      assert.equal(child.exitCode, null, `scripts/serve stopped:\n${out.join('').slice(-3000)}`);
      // A failed build does not stop trunk serve: it says so and serves nothing new.
      assert.ok(!out.join('').includes('error from build pipeline'), `the build failed:\n${out.join('').slice(-3000)}`);
      page = await get(base);
      if (page.status === 200 && page.body.includes('window.cgMain=fetch(')) break;
    }
    assert.ok(page.body.includes('window.cgMain=fetch('), `never served a built page:\n${out.join('').slice(-3000)}`);
    assert.ok(!/<script(?![^>]*\bsrc=)[^>]*>(?!window\.cgMain=)/.test(page.body), 'no inline script but the early fetch');

    const browser = await chromium.launch(LAUNCH);
    try {
      const tab = await (await browser.newContext({ ...PHONE })).newPage();
      const errors = [];
      tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      tab.on('pageerror', (e) => errors.push(String(e)));
      await tab.goto(base);
      await tab.getByRole('heading', { level: 1, name: 'Home' }).waitFor({ timeout: 30_000 });
      await tab.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My map' }).click();
      await tab.getByRole('textbox', { name: 'Your name' }).waitFor({ timeout: 30_000 });
      assert.deepEqual(errors, []);
    } finally {
      await browser.close();
    }
  } finally {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
});
