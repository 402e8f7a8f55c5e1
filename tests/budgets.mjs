#!/usr/bin/env node
// Byte budgets of the release build in dist/: what a first visit transfers (html + js + wasm +
// css, each gzipped at level 9, as a static host would send them), against PRODUCT.md's
// "first-visit transfer ≤ 150 KB gzip". Exit code 1 when over budget or when dist/ is missing;
// scripts/test runs it after the release build, so CI fails when the app outgrows the budget.
//
//   node tests/budgets.mjs            the table, the total and the verdict
//   node tests/budgets.mjs --json     the same as JSON on stdout (for scripts/bench)
//
// Share-link lengths are not checked here: `cargo test` asserts them on the held-out maps and
// `cargo bench --features sample --bench share` reports them. Node built-ins only.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BUDGETS_DIST measures another copy of the build (scripts/bench passes its snapshot).
const DIST = process.env.BUDGETS_DIST ? path.resolve(process.env.BUDGETS_DIST) : path.join(ROOT, 'dist');
export const FIRST_VISIT_BUDGET = 150 * 1024; // 153,600 bytes of gzip
const json = process.argv.includes('--json');

const fmt = (n) => n.toLocaleString('en-GB');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue; // trunk's .stage/ during a build
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

/** The files a first visit to Home loads, followed as the browser does: index.html, its
 * stylesheets and scripts, every module those import statically, and the wasm module the
 * start's script fetches. Page chunks and the record codec are fetched later, on demand (and precached by the
 * service worker once the app runs); tests/e2e/first_visit.spec.mjs checks this list against
 * what Chromium really requests. */
export function firstVisitFiles(dist = DIST) {
  const seen = new Set(['index.html']);
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const queue = [];
  for (const m of html.matchAll(/<(?:link[^>]*rel="stylesheet"[^>]*href|script[^>]*src)="\.?\/?([^"]+)"/g)) queue.push(m[1]);
  while (queue.length) {
    const rel = path.posix.normalize(queue.shift());
    if (seen.has(rel) || !fs.existsSync(path.join(dist, rel))) continue;
    seen.add(rel);
    if (!rel.endsWith('.js')) continue;
    const js = fs.readFileSync(path.join(dist, rel), 'utf8');
    const dir = path.posix.dirname(rel);
    const refs = [
      // `import {a} from './x'`, and minified: `import{a}from"./x"`, `import*as b from"./x"`.
      ...js.matchAll(/(?:^|[\s;}])(?:import|export)\b[^'"]*?from\s*['"](\.[^'"]+)['"]/g),
      ...js.matchAll(/(?:^|[\s;}])import\s*['"](\.[^'"]+)['"]/g),
      ...js.matchAll(/module_or_path:\s*['"](\.[^'"]+\.wasm)['"]/g),
      // The start's script (boot.js bundled): fetch('./main.wasm').
      ...js.matchAll(/\bfetch\(\s*['"](\.[^'"]+\.wasm)['"]/g),
      ...js.matchAll(/(?:^|[\s;}(=])import\(\s*['"](\.[^'"]+)['"]\s*\)/g),
    ];
    for (const m of refs) queue.push(path.posix.join(dir, m[1]));
  }
  return [...seen].sort((a, b) => kind(a).localeCompare(kind(b)) || a.localeCompare(b));
}

/** Wasm chunks outside the first visit: pages and the codec, fetched when first needed. */
export function laterChunks(dist = DIST) {
  const first = new Set(firstVisitFiles(dist));
  return walk(dist)
    .map((f) => path.relative(dist, f).split(path.sep).join('/'))
    .filter((rel) => rel.endsWith('.wasm') && !first.has(rel));
}

function kind(rel) {
  return rel.endsWith('.html') ? '0html' : rel.endsWith('.css') ? '1css' : rel.endsWith('.js') ? '2js' : '3wasm';
}

export function measure(dist = DIST) {
  const files = firstVisitFiles(dist).map((rel) => {
    const raw = fs.readFileSync(path.join(dist, rel));
    return { file: rel, raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
  });
  const total = {
    raw: files.reduce((s, f) => s + f.raw, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
  // The service worker's precache (fetched after the first paint, also on the first visit).
  const extra = ['sw.js', 'manifest.webmanifest']
    .concat(fs.existsSync(path.join(dist, 'icons')) ? walk(path.join(dist, 'icons')).map((f) => path.relative(dist, f)) : [])
    .filter((rel) => fs.existsSync(path.join(dist, rel)))
    .map((rel) => {
      const raw = fs.readFileSync(path.join(dist, rel));
      return { file: rel.split(path.sep).join('/'), raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
    });
  const later = laterChunks(dist).map((rel) => {
    const raw = fs.readFileSync(path.join(dist, rel));
    return { file: rel, raw: raw.length, gzip: zlib.gzipSync(raw, { level: 9 }).length };
  });
  const chunks = {
    count: later.length,
    raw: later.reduce((s, f) => s + f.raw, 0),
    gzip: later.reduce((s, f) => s + f.gzip, 0),
    largest: later.sort((a, b) => b.gzip - a.gzip).slice(0, 5),
  };
  return { files, total, budget: FIRST_VISIT_BUDGET, ok: total.gzip <= FIRST_VISIT_BUDGET, extra, chunks };
}

function table(rows) {
  const w = Math.max(4, ...rows.map((r) => r.file.length));
  const line = (a, b, c) => `${a.padEnd(w)} | ${b.padStart(9)} | ${c.padStart(9)}`;
  const out = [line('file', 'raw', 'gzip -9'), `${'-'.repeat(w)}-|-${'-'.repeat(9)}-|-${'-'.repeat(9)}`];
  for (const r of rows) out.push(line(r.file, fmt(r.raw), fmt(r.gzip)));
  return out;
}

function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    const msg = `budgets: no release build in ${DIST} (index.html missing): run \`trunk build --release\` first`;
    if (json) console.log(JSON.stringify({ error: msg }));
    console.error(msg);
    process.exit(1);
  }
  const m = measure();

  if (json) {
    console.log(JSON.stringify(m, null, 1));
  } else {
    console.log('First-visit transfer (what the page loads before it is interactive):');
    for (const l of table(m.files)) console.log('  ' + l);
    console.log('  ' + `${'TOTAL'.padEnd(Math.max(4, ...m.files.map((r) => r.file.length)))} | ${fmt(m.total.raw).padStart(9)} | ${fmt(m.total.gzip).padStart(9)}`);
    console.log(
      `  budget: gzip total ${fmt(m.total.gzip)} B (${kb(m.total.gzip)}) ≤ ${fmt(FIRST_VISIT_BUDGET)} B (150 KB): ` +
        (m.ok ? 'OK' : `OVER by ${fmt(m.total.gzip - FIRST_VISIT_BUDGET)} B`),
    );
    const wasm = m.files.filter((f) => f.file.endsWith('.wasm'));
    for (const w of wasm) console.log(`  wasm ${w.file}: ${fmt(w.raw)} B raw, ${fmt(w.gzip)} B gzip (${Math.round((100 * w.gzip) / m.total.gzip)} % of the transfer)`);
    const c = m.chunks;
    console.log(`  not counted (fetched when a page is first opened, and precached by the service worker after the first visit): ${c.count} lazily loaded wasm files (page groups, the record codec, packs of the chunks they share), ${fmt(c.gzip)} B gzip; largest ${c.largest.map((f) => `${f.file.replace(/-[0-9a-f]{16}/, '')} ${fmt(f.gzip)}`).join(', ')}`);
    if (m.extra.length) {
      const e = m.extra.reduce((s, f) => s + f.gzip, 0);
      console.log(`  not counted (service worker, manifest, icons, fetched after the app starts): ${fmt(e)} B gzip`);
    }
  }
  process.exit(m.ok ? 0 : 1);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
