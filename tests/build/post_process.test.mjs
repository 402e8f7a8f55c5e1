// scripts/post-process.py fails the build, naming the pattern, when a rewrite matches nothing:
// each case takes a good input, changes the wording one rewrite depends on, and expects the
// build to stop with that rewrite's name. Run after `trunk build --release` (reads dist/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const script = path.join(root, 'scripts/post-process.py');

function run(args, env = {}) {
  const r = spawnSync('python3', [script, ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout + r.stderr };
}

// trunk's staging folder as the finish stage sees it: the built files, sw.js with its
// placeholders, and index.html as trunk leaves it (the finish stage's own edits undone).
function staging() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-staging-'));
  fs.cpSync(path.join(root, 'dist'), d, { recursive: true });
  fs.copyFileSync(path.join(root, 'public/sw.js'), path.join(d, 'sw.js'));
  const html = fs.readFileSync(path.join(d, 'index.html'), 'utf8')
    .replace(/ *<link rel="modulepreload"[^>]*>\n/g, '')
    .replace(/data-chunks="[^"]*"/, 'data-chunks=""')
    .replace(/<script>window\.cgMain=[^<]*<\/script>/, '<!-- cg:early-fetch: the early fetch goes here -->')
    .replace(/ 'sha256-[^']*'/, '')
    .replace('<script type="module" src="./boot.js">', '<link data-trunk rel="rust" data-trunk-skip />\n    $&');
  fs.writeFileSync(path.join(d, 'index.html'), html);
  return d;
}

function edit(file, from, to) {
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${path.basename(file)} should contain ${from}`);
  fs.writeFileSync(file, text.split(from).join(to));
}

const loader = (d) => path.join(d, fs.readdirSync(d).find((n) => n.startsWith('__wasm_split-')));
const dataChunks = (d) => fs.readFileSync(path.join(d, 'index.html'), 'utf8').match(/data-chunks="([^"]*)"/)[1];

test('finish passes on the real build and fills every placeholder', () => {
  const d = staging();
  const r = run(['finish'], { TRUNK_STAGING_DIR: d });
  assert.equal(r.code, 0, r.out);
  const sw = fs.readFileSync(path.join(d, 'sw.js'), 'utf8');
  assert.ok(!sw.includes('__CG_'), 'no placeholder left in sw.js');
  const html = fs.readFileSync(path.join(d, 'index.html'), 'utf8');
  assert.match(html, /data-chunks="[^"]*split_receiving-/);
  // Read from dist's loader, minified in a release build: every chunk the receiving group
  // loads, its own module and the share-link tables.
  const receiving = fs.readFileSync(loader(d), 'utf8').match(/\/\*! [\w, ]*\breceiving\b[\w, ]* \*\//g);
  assert.equal(dataChunks(d).split(' ').length, receiving.length + 2, dataChunks(d));
  // The early fetch of the main module, before the stylesheet, and its hash in the CSP.
  const early = html.match(/<script>(window\.cgMain=fetch\('\.\/(common-ground-[0-9a-f]{16}_bg\.wasm)'\))<\/script>/);
  assert.ok(early, 'the early-fetch script is in index.html');
  assert.ok(fs.existsSync(path.join(d, early[2])), `${early[2]} is the built main module`);
  assert.ok(html.indexOf(early[0]) < html.indexOf('rel="stylesheet"'), 'the early fetch comes before the stylesheet');
  const digest = crypto.createHash('sha256').update(early[1], 'utf8').digest('base64');
  assert.ok(html.includes(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${digest}'`), 'the CSP allows exactly that script');
  // Every module of the start's import graph is modulepreloaded: the glue, the split loader
  // and each snippet the glue imports (Chromium does not preload a module's imports).
  const glue = fs.readdirSync(d).find((n) => /^common-ground-[0-9a-f]{16}\.js$/.test(n));
  const imported = [...fs.readFileSync(path.join(d, glue), 'utf8').matchAll(/from\s*["']\.\/(snippets-[^"']+\.js)["']/g)].map((m) => m[1]);
  assert.ok(imported.length >= 4, `the glue imports our JS snippets: ${imported}`);
  for (const n of [glue, ...imported]) assert.ok(html.includes(`<link rel="modulepreload" href="./${n}" />`), `${n} is modulepreloaded`);
});

test('a release build minifies the JS a start loads, the split loader too, and still reads its groups', () => {
  const d = staging();
  // The sources as wasm-bindgen and trunk copy them, comments and all.
  const snippets = fs.readdirSync(d).find((n) => n.startsWith('snippets-'));
  const sw = path.join(d, snippets, fs.readdirSync(path.join(d, snippets), { recursive: true }).find((n) => n.endsWith('sw_glue.js')));
  fs.copyFileSync(path.join(root, 'src/ui/sw_glue.js'), sw);
  fs.copyFileSync(path.join(root, 'public/boot-screen.js'), path.join(d, 'boot-screen.js'));
  // The loader as the name stage writes it: laid out, a group comment above each chunk.
  const esbuild = path.join(root, 'node_modules/.bin/esbuild');
  const pretty = spawnSync(esbuild, [loader(d), '--legal-comments=inline', '--log-level=warning'], { encoding: 'utf8' });
  assert.equal(pretty.status, 0, pretty.stderr);
  fs.writeFileSync(loader(d), pretty.stdout);
  const groups = pretty.stdout.match(/\/\*! [\w, ]+ \*\//g);
  assert.ok(groups.length > 10, `group comments in the laid-out loader: ${groups.length}`);
  const plain = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-staging-'));
  fs.cpSync(d, plain, { recursive: true });
  assert.equal(run(['finish'], { TRUNK_STAGING_DIR: plain }).code, 0);
  const r = run(['finish'], { TRUNK_STAGING_DIR: d, TRUNK_PROFILE: 'release' });
  assert.equal(r.code, 0, r.out);
  const minified = fs.readFileSync(loader(d), 'utf8');
  assert.ok(minified.length < pretty.stdout.length, `split loader: ${pretty.stdout.length} -> ${minified.length} characters`);
  assert.ok(minified.trim().split('\n').length < 3, 'the split loader is minified: no line per statement');
  assert.deepEqual(minified.match(/\/\*! [\w, ]+ \*\//g), groups, 'every group comment is kept');
  assert.ok(minified.includes('__wasm_split_load_everyday'), 'the loader still exports its groups by name');
  assert.equal(fs.readFileSync(loader(plain), 'utf8'), pretty.stdout, 'a debug build leaves it laid out');
  assert.equal(dataChunks(d), dataChunks(plain), 'the same files for a received map, minified or not');
  for (const [file, source, kept] of [
    [sw, 'src/ui/sw_glue.js', 'cgEarly'],
    [path.join(d, 'boot-screen.js'), 'public/boot-screen.js', 'cg-main-arrived'],
  ]) {
    const text = fs.readFileSync(file, 'utf8');
    const before = fs.readFileSync(path.join(root, source), 'utf8');
    assert.ok(!/^\s*\/\//m.test(text), `${source} has no comment line left`);
    assert.ok(text.length < before.length * 0.6, `${source}: ${before.length} -> ${text.length} characters`);
    assert.ok(text.includes(kept), `${source} still names ${kept}`);
  }
});

test('finish stops when the glue imports a snippet that is not in the build', () => {
  const d = staging();
  const snippets = fs.readdirSync(d).find((n) => n.startsWith('snippets-'));
  const sw = fs.readdirSync(path.join(d, snippets), { recursive: true }).find((n) => n.endsWith('sw_glue.js'));
  fs.rmSync(path.join(d, snippets, sw));
  const r = run(['finish'], { TRUNK_STAGING_DIR: d });
  assert.notEqual(r.code, 0, 'the build must fail');
  assert.match(r.out, /the glue imports snippets-.*sw_glue\.js, which is not in the build/);
});

const finishCases = [
  ['shared chunks in the split loader', (d) => edit(loader(d), '/*! ', '/* ')],
  ["the receiving group's module in the split loader", (d) => edit(loader(d), '__wasm_split_load_receiving', '__load_receiving')],
  ["boot-screen.js's empty data-chunks in index.html", (d) => edit(path.join(d, 'index.html'), 'data-chunks=""', 'data-files=""')],
  ["trunk's skipped rust link", (d) => edit(path.join(d, 'index.html'), 'data-trunk-skip', 'data-trunk-omit')],
  ["end of index.html's head", (d) => edit(path.join(d, 'index.html'), '  </head>', '</head>')],
  ['the early-fetch placeholder in index.html', (d) => edit(path.join(d, 'index.html'), 'cg:early-fetch', 'cg:early')],
  ["script-src in index.html's CSP", (d) => edit(path.join(d, 'index.html'), "script-src 'self' 'wasm-unsafe-eval'", "script-src 'self'")],
  ['service worker version', (d) => edit(path.join(d, 'sw.js'), "'__CG_VERSION__'", "'__VERSION__'")],
  ['service worker precache list', (d) => edit(path.join(d, 'sw.js'), '__CG_PRECACHE__', '[]')],
];
for (const [name, breakIt] of finishCases) {
  test(`finish stops, naming '${name}', when it matches nothing`, () => {
    const d = staging();
    breakIt(d);
    const r = run(['finish'], { TRUNK_STAGING_DIR: d });
    assert.notEqual(r.code, 0, 'the build must fail');
    assert.ok(r.out.includes(name), r.out);
  });
}

// wasm-split-cli's loader, cut down to what the name stage rewrites: the URLs, and a group
// asking for its shared chunks before its own module.
const SPLIT_LOADER = `import { initSync } from "./common-ground.js";
function makeLoad(fetcher, deps) {
    const loader = async () => {
        const parallelStuff = deps.map(d => d());
        const instantiate = fetcher();
        await Promise.all(parallelStuff);
        return instantiate(initSync());
    };
    return loader;
}
/* group, other */
const __chunk_1 = makeLoad(() => {
    const src = fetch(new URL("./chunk_1.wasm", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
`;

// The name stage over a small stand-in for what wasm-bindgen and wasm-split write.
function built() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-built-'));
  fs.mkdirSync(path.join(d, 'snippets/crate-1'), { recursive: true });
  fs.writeFileSync(path.join(d, 'snippets/crate-1/glue.js'), 'export const x = 1;\n');
  fs.writeFileSync(path.join(d, 'common-ground.js'),
    "import { x } from './snippets/crate-1/glue.js';\nconst url = new URL('common-ground_bg.wasm', import.meta.url);\n");
  fs.writeFileSync(path.join(d, '__wasm_split.js'), SPLIT_LOADER);
  fs.writeFileSync(path.join(d, 'common-ground.wasm'), 'main');
  fs.writeFileSync(path.join(d, 'chunk_1.wasm'), 'chunk');
  return d;
}

test('name hashes every file and rewrites every reference', () => {
  const d = built();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-out-'));
  const r = run(['name', d, out]);
  assert.equal(r.code, 0, r.out);
  const hash = fs.readdirSync(out).find((n) => n.startsWith('chunk_1-')).slice(8, 24);
  const glue = fs.readFileSync(path.join(out, `common-ground-${hash}.js`), 'utf8');
  assert.ok(glue.includes(`'./snippets-${hash}/crate-1/glue.js'`), glue);
  assert.ok(glue.includes(`'common-ground-${hash}_bg.wasm'`), glue);
  const split = fs.readFileSync(path.join(out, `__wasm_split-${hash}.js`), 'utf8');
  assert.ok(split.includes(`"./chunk_1-${hash}.wasm"`) && split.includes(`"./common-ground-${hash}.js"`), split);
  // A group's own module (its biggest file) is asked for before the chunks it imports.
  assert.ok(split.indexOf('const instantiate = fetcher();') < split.indexOf('const parallelStuff = deps.map'), split);
  assert.ok(fs.readFileSync(path.join(out, 'boot.js'), 'utf8').includes(`common-ground-${hash}_bg.wasm`));
});

test("name stops, naming wasm-bindgen's default module URL, when the glue words it differently", () => {
  const d = built();
  edit(path.join(d, 'common-ground.js'), "'common-ground_bg.wasm'", '"common-ground_bg.wasm"');
  const r = run(['name', d, fs.mkdtempSync(path.join(os.tmpdir(), 'cg-out-'))]);
  assert.notEqual(r.code, 0);
  assert.ok(r.out.includes("wasm-bindgen's default module URL"), r.out);
});

test("name stops, naming the rewrite, when wasm-split's loader orders its fetches differently", () => {
  const d = built();
  edit(path.join(d, '__wasm_split.js'), 'const instantiate = fetcher();', 'const go = fetcher();');
  const r = run(['name', d, fs.mkdtempSync(path.join(os.tmpdir(), 'cg-out-'))]);
  assert.notEqual(r.code, 0);
  assert.ok(r.out.includes("the split loader's fetch of a group before its chunks"), r.out);
});

test('name stops when a JS file references none of the built files', () => {
  const d = built();
  edit(path.join(d, '__wasm_split.js'), './chunk_1.wasm', 'chunk_1.wasm');
  edit(path.join(d, '__wasm_split.js'), './common-ground.js', 'common-ground.js');
  const r = run(['name', d, fs.mkdtempSync(path.join(os.tmpdir(), 'cg-out-'))]);
  assert.notEqual(r.code, 0);
  assert.ok(r.out.includes('references to built files in __wasm_split.js'), r.out);
});
