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
    .replace(/data-chunks="[^"]*"/, 'data-chunks=""')
    .replace(/<script>window\.cgMain=[^<]*<\/script>/, '<!-- cg:early-fetch: the early fetch goes here -->')
    .replace(/ 'sha256-[^']*'/, '')
    .replace(/<script type="module" src="[^"]+">/, '<link data-trunk rel="rust" data-trunk-skip />\n    $&');
  fs.writeFileSync(path.join(d, 'index.html'), html);
  return d;
}

function edit(file, from, to) {
  const text = fs.readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${path.basename(file)} should contain ${from}`);
  fs.writeFileSync(file, text.split(from).join(to));
}

const dataChunks = (d) => fs.readFileSync(path.join(d, 'index.html'), 'utf8').match(/data-chunks="([^"]*)"/)[1];

// (groups, file) for each shared chunk the bundled loader fetches, as post-process.py reads
// them: the file is the chunk's own or its pack.
const loaded = (bundle) => [...bundle.matchAll(
  /\/\*! ([\w, ]+) \*\/\s*(?:const|let|var) [\w$]+\s*=\s*[\w$]+\(\s*\(\)\s*=>\s*\{\s*(?:const|let|var) [\w$]+\s*=\s*[\w$]+\(new URL\("\.\/([\w.-]+\.wasm)"/g,
)].map((m) => [m[1], m[2]]);

const glueOf = (d) => fs.readdirSync(d).find((n) => /^common-ground-[0-9a-f]{16}\.js$/.test(n));

test('finish passes on the real build and fills every placeholder', () => {
  const d = staging();
  const r = run(['finish'], { TRUNK_STAGING_DIR: d });
  assert.equal(r.code, 0, r.out);
  const sw = fs.readFileSync(path.join(d, 'sw.js'), 'utf8');
  assert.ok(!sw.includes('__CG_'), 'no placeholder left in sw.js');
  const html = fs.readFileSync(path.join(d, 'index.html'), 'utf8');
  assert.match(html, /data-chunks="[^"]*split_receiving-/);
  // Read from dist's bundle, minified in a release build: every chunk the receiving group
  // loads, its own module and the share-link tables.
  const bundle = fs.readFileSync(path.join(d, glueOf(d)), 'utf8');
  const receiving = new Set(loaded(bundle).filter(([groups]) => groups.split(', ').includes('receiving')).map(([, file]) => file));
  assert.equal(dataChunks(d).split(' ').length, receiving.size + 2, dataChunks(d));
  // The small chunks travel in packs: the receiving group asks for a few files, not 35.
  assert.ok(receiving.size <= 6 && [...receiving].some((f) => f.startsWith('pack_')), [...receiving].join(' '));
  // The early fetch of the main module, before the stylesheet, and its hash in the CSP.
  const early = html.match(/<script>(window\.cgMain=fetch\('\.\/(common-ground-[0-9a-f]{16}_bg\.wasm)'\))<\/script>/);
  assert.ok(early, 'the early-fetch script is in index.html');
  assert.ok(fs.existsSync(path.join(d, early[2])), `${early[2]} is the built main module`);
  assert.ok(html.indexOf(early[0]) < html.indexOf('rel="stylesheet"'), 'the early fetch comes before the stylesheet');
  const digest = crypto.createHash('sha256').update(early[1], 'utf8').digest('base64');
  assert.ok(html.includes(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${digest}'`), 'the CSP allows exactly that script');
  // The start's JS is one file, the page's one module script, and imports nothing.
  assert.ok(!/\bfrom\s*["']\.\//.test(bundle), 'the bundle imports no other file');
  assert.deepEqual([...html.matchAll(/<script type="module" src="\.\/([^"]+)"><\/script>/g)].map((m) => m[1]), [glueOf(d)]);
  assert.ok(!html.includes('modulepreload'), 'nothing to preload: the module script is the whole start');
  assert.ok(!html.includes('<!--'), 'the source comments stay in the source');
  assert.ok(html.includes('Opening your notebook…') && html.includes('<noscript>'), 'and the page is all there');
});

// A staging folder as the name stage leaves it, before `finish` bundles: a glue that imports
// the split loader and our snippets (the sources, comments and all), each a file of its own.
// The loader is cut down to what `finish` reads: two chunks of the receiving group, one not,
// and the group's own module, named as in dist/.
function unbundled() {
  const d = staging();
  const glue = glueOf(d);
  const hash = glue.slice('common-ground-'.length, -'.js'.length);
  // dist/ is a finished build: its index.html lists the receiving group's chunks already.
  const chunks = dataChunks(path.join(root, 'dist')).split(' ').filter((n) => /^(chunk|pack)_/.test(n));
  const other = fs.readdirSync(d).find((n) => /^(chunk|pack)_/.test(n) && !chunks.includes(n));
  const snippets = ['src/ui/sw_glue.js', 'src/ui/share_glue.js', 'src/ui/scan_glue.js', 'src/store/share_model_glue.js'];
  for (const n of snippets) {
    const to = path.join(d, `snippets-${hash}/common-ground-0123456789abcdef`, n);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(path.join(root, n), to);
  }
  const id = (file) => `__chunk_${[chunks[0], chunks[1], other].indexOf(file)}`;
  const chunk = (groups, file) => `/*! ${groups} */
const ${id(file)} = makeLoad(() => {
    const src = fetch(new URL("./${file}", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
`;
  fs.writeFileSync(path.join(d, `__wasm_split-${hash}.js`), `import { initSync } from "./${glue}";
function makeLoad(fetcher, deps) {
    const loader = async () => {
        const instantiate = fetcher();
        const parallelStuff = deps.map(d => d());
        await Promise.all(parallelStuff);
        return instantiate(initSync());
    };
    return loader;
}
${chunk('everyday, receiving', chunks[0])}${chunk('receiving', chunks[1])}${chunk('everyday, sharing', other)}
export const __wasm_split_load_receiving = makeLoad(() => {
    const src = fetch(new URL("./${fs.readdirSync(d).find((n) => n.startsWith('split_receiving-'))}", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [${id(chunks[0])}, ${id(chunks[1])}]);
export const __wasm_split_load_everyday = makeLoad(() => {
    const src = fetch(new URL("./${fs.readdirSync(d).find((n) => n.startsWith('split_everyday-'))}", import.meta.url));
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, [${id(chunks[0])}, ${id(other)}]);
`);
  fs.writeFileSync(path.join(d, glue), [
    ...snippets.map((n, i) => `import * as s${i} from "./snippets-${hash}/common-ground-0123456789abcdef/${n}";`),
    `import * as split from "./__wasm_split-${hash}.js";`,
    `// The imports the wasm module is given.`,
    `export function initSync() { return { split, ${snippets.map((_, i) => `s${i}`).join(', ')} }; }`,
    `export default async function init(options) { return [initSync(), options]; }`,
    '',
  ].join('\n'));
  // boot.js as the name stage writes it, and index.html naming it.
  fs.writeFileSync(path.join(d, 'boot.js'), [
    `import init from './${glue}';`,
    `// Starts the main module.`,
    `const wasm = window.cgMain || fetch('./common-ground-${hash}_bg.wasm');`,
    `init({ module_or_path: wasm });`,
    '',
  ].join('\n'));
  const html = fs.readFileSync(path.join(d, 'index.html'), 'utf8').replace(/(<script type="module" src=")[^"]+"/, '$1./boot.js"');
  fs.writeFileSync(path.join(d, 'index.html'), html);
  fs.copyFileSync(path.join(root, 'public/boot-screen.js'), path.join(d, 'boot-screen.js'));
  return { d, glue, hash, receiving: [chunks[0], chunks[1]] };
}

test('finish bundles the start into one file, minified in a release build, and reads the groups from it', () => {
  for (const release of [true, false]) {
    const { d, glue, hash, receiving } = unbundled();
    const r = run(['finish'], { TRUNK_STAGING_DIR: d, ...(release ? { TRUNK_PROFILE: 'release' } : {}) });
    assert.equal(r.code, 0, r.out);
    const bundle = fs.readFileSync(path.join(d, glue), 'utf8');
    assert.ok(!/\bfrom\s*["']\.\//.test(bundle), 'the bundle imports no other file');
    assert.ok(bundle.includes('cgEarly') && bundle.includes('__wasm_split_load_receiving'), 'the snippets and the loader are in it');
    assert.ok(bundle.includes('window.cgMain'), 'and boot.js');
    assert.ok(!fs.existsSync(path.join(d, 'boot.js')), 'boot.js is no file of its own');
    assert.match(fs.readFileSync(path.join(d, 'index.html'), 'utf8'), new RegExp(`<script type="module" src="\\./${glue}"></script>`));
    assert.ok(!fs.existsSync(path.join(d, `__wasm_split-${hash}.js`)), 'the split loader is no file of its own');
    assert.ok(!fs.readdirSync(d).some((n) => n.startsWith('snippets-')), 'nor are the snippets');
    const sw = fs.readFileSync(path.join(d, 'sw.js'), 'utf8');
    assert.ok(!sw.includes('__wasm_split') && !sw.includes('snippets-'), 'the service worker precaches neither');
    const split = dataChunks(d).split(' ');
    assert.deepEqual(split.filter((n) => /^(chunk|pack)_/.test(n)).sort(), [...receiving].sort(), 'the chunks of the receiving group, read from the bundle');
    assert.ok(split.some((n) => n.startsWith('split_receiving-')) && split.includes('share-model-2.bin'));
    const lines = bundle.trim().split('\n').length;
    if (release) {
      assert.ok(lines < 5, `minified: ${lines} lines`);
      const boot = fs.readFileSync(path.join(d, 'boot-screen.js'), 'utf8');
      const before = fs.readFileSync(path.join(root, 'public/boot-screen.js'), 'utf8');
      assert.ok(!/^\s*\/\//m.test(boot) && boot.length < before.length * 0.6, `boot-screen.js: ${before.length} -> ${boot.length}`);
      assert.ok(boot.includes('cg-main-arrived'), 'boot-screen.js still names cg-main-arrived');
    } else {
      assert.ok(lines > 50, `a debug build is bundled, not minified: ${lines} lines`);
    }
  }
});

test('finish stops, naming it, when the glue imports a snippet that is not in the build', () => {
  const { d, hash } = unbundled();
  fs.rmSync(path.join(d, `snippets-${hash}/common-ground-0123456789abcdef/src/ui/sw_glue.js`));
  const r = run(['finish'], { TRUNK_STAGING_DIR: d });
  assert.notEqual(r.code, 0, 'the build must fail');
  assert.match(r.out, /could not bundle boot\.js: [^]*snippets-[^]*sw_glue\.js/);
});

const finishCases = [
  ['shared chunks in the split loader', (d) => edit(path.join(d, glueOf(d)), '/*! ', '/* ')],
  ['module of the receiving group', (d) => {
    const own = fs.readdirSync(d).find((n) => n.startsWith('split_receiving-'));
    fs.renameSync(path.join(d, own), path.join(d, own.replace('receiving', 'received')));
  }],
  ["boot-screen.js's empty data-chunks in index.html", (d) => edit(path.join(d, 'index.html'), 'data-chunks=""', 'data-files=""')],
  ["trunk's skipped rust link", (d) => edit(path.join(d, 'index.html'), 'data-trunk-skip', 'data-trunk-omit')],
  ['one module script in index.html', (d) => edit(path.join(d, 'index.html'), '<script type="module"', '<script type="text/javascript"')],
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

// wasm-split-cli's loader, cut down to what the name stage rewrites: the URLs, a group asking
// for its shared chunks before its own module, and three chunks, two small (packed) and one
// big (left a file of its own).
const chunkBlock = (groups, n) => `/* ${groups} */
const __chunk_${n} = makeLoad(() => {
    const src = fetch(new URL("./chunk_${n}.wasm", import.meta.url));
    src.catch(() => {});
    return async (imports) => (WebAssembly.instantiateStreaming(src, imports));
}
, []);
`;
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
${chunkBlock('group, other', 1)}${chunkBlock('codec, everyday, starting', 2)}${chunkBlock('everyday, starting', 3)}`;

// The chunks' bytes: any bytes will do, the name stage never reads them as wasm.
const CHUNKS = { 1: Buffer.from('chunk one'), 2: Buffer.from('chunk two, a little longer'), 3: crypto.randomBytes(50_000) };

// The name stage over a small stand-in for what wasm-bindgen and wasm-split write.
function built() {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-built-'));
  fs.mkdirSync(path.join(d, 'snippets/crate-1'), { recursive: true });
  fs.writeFileSync(path.join(d, 'snippets/crate-1/glue.js'), 'export const x = 1;\n');
  fs.writeFileSync(path.join(d, 'common-ground.js'),
    "import { x } from './snippets/crate-1/glue.js';\nconst url = new URL('common-ground_bg.wasm', import.meta.url);\n");
  fs.writeFileSync(path.join(d, '__wasm_split.js'), SPLIT_LOADER);
  fs.writeFileSync(path.join(d, 'common-ground.wasm'), 'main');
  for (const [n, bytes] of Object.entries(CHUNKS)) fs.writeFileSync(path.join(d, `chunk_${n}.wasm`), bytes);
  return d;
}

test('name hashes every file and rewrites every reference', () => {
  const d = built();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-out-'));
  const r = run(['name', d, out]);
  assert.equal(r.code, 0, r.out);
  const hash = fs.readdirSync(out).find((n) => n.startsWith('chunk_3-')).slice(8, 24);
  const glue = fs.readFileSync(path.join(out, `common-ground-${hash}.js`), 'utf8');
  assert.ok(glue.includes(`'./snippets-${hash}/crate-1/glue.js'`), glue);
  assert.ok(glue.includes(`'common-ground-${hash}_bg.wasm'`), glue);
  const split = fs.readFileSync(path.join(out, `__wasm_split-${hash}.js`), 'utf8');
  assert.ok(split.includes(`"./chunk_3-${hash}.wasm"`) && split.includes(`"./common-ground-${hash}.js"`), split);
  assert.ok(split.includes(`"./pack_other-${hash}.wasm"`) && split.includes(`"./pack_codec-starting-${hash}.wasm"`), split);
  // A group's own module (its biggest file) is asked for before the chunks it imports.
  assert.ok(split.indexOf('const instantiate = fetcher();') < split.indexOf('const parallelStuff = deps.map'), split);
  assert.ok(fs.readFileSync(path.join(out, 'boot.js'), 'utf8').includes(`common-ground-${hash}_bg.wasm`));
});

test('name packs the small chunks by the first-visit groups that load them, each slice its chunk', async () => {
  const d = built();
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-out-'));
  const r = run(['name', d, out]);
  assert.equal(r.code, 0, r.out);
  const files = fs.readdirSync(out);
  assert.ok(!files.some((n) => /^chunk_[12]-/.test(n)), `small chunks are packed: ${files}`);
  assert.ok(files.some((n) => /^chunk_3-/.test(n)), 'a big chunk stays a file of its own');
  const split = fs.readFileSync(path.join(out, files.find((n) => n.startsWith('__wasm_split-'))), 'utf8');
  // Each packed chunk is read from its pack and compiled from the slice; the big one streams.
  const reads = [...split.matchAll(/cgPack\(new URL\("\.\/(pack_[\w-]+\.wasm)", import\.meta\.url\), (\d+), (\d+)\)/g)];
  assert.equal(reads.length, 2, split);
  assert.equal((split.match(/WebAssembly\.instantiate\(await src, imports\)/g) || []).length, 2, split);
  assert.equal((split.match(/WebAssembly\.instantiateStreaming\(src, imports\)/g) || []).length, 1, split);
  // chunk 1 is loaded by no first-visit group and no everyday page; chunk 2 by the codec and
  // the starting pages.
  const [one, two] = reads;
  assert.match(one[1], /^pack_other-[0-9a-f]{16}\.wasm$/);
  assert.match(two[1], /^pack_codec-starting-[0-9a-f]{16}\.wasm$/);
  for (const [read, n] of [[one, 1], [two, 2]]) {
    const pack = fs.readFileSync(path.join(out, read[1]));
    const slice = pack.subarray(Number(read[2]), Number(read[2]) + Number(read[3]));
    assert.deepEqual(slice, CHUNKS[n], `chunk ${n} is the slice its loader reads`);
    // A pack is a wasm module (hosts compress application/wasm), the chunk a custom section.
    assert.ok(WebAssembly.validate(pack), `${read[1]} is a valid wasm module`);
    const sections = WebAssembly.Module.customSections(new WebAssembly.Module(pack), `__chunk_${n}`);
    assert.deepEqual(Buffer.from(sections[0]), CHUNKS[n]);
  }
  // The reader the loader fetches packs with, run against a fetch that fails once: a failed
  // fetch is forgotten and the next read fetches again; an HTML answer is a failure too.
  const reader = split.slice(split.indexOf('const cgPacks'), split.indexOf('function makeLoad'));
  const answers = [() => Promise.reject(new Error('offline')),
    () => Promise.resolve(new Response('<html>', { headers: { 'content-type': 'text/html' } })),
    () => Promise.resolve(new Response(new Uint8Array([9, 8, 7, 6, 5]), { headers: { 'content-type': 'application/wasm' } }))];
  let asked = 0;
  const fetch = () => answers[asked++]();
  const cgPack = new Function('fetch', `${reader}; return cgPack;`)(fetch);
  const url = new URL('https://example.org/pack_x.wasm');
  await assert.rejects(cgPack(url, 1, 3), /offline/);
  await assert.rejects(cgPack(url, 1, 3), /text\/html/);
  assert.deepEqual([...(await cgPack(url, 1, 3))], [8, 7, 6]);
  assert.deepEqual([...(await cgPack(url, 0, 2))], [9, 8], 'a pack is fetched once');
  assert.equal(asked, 3);
});

// Each case changes the wording one rewrite of the name stage depends on, in the stand-in for
// what wasm-bindgen and wasm-split write, and expects the build to stop with that rewrite's name.
const nameCases = [
  ["wasm-bindgen's default module URL", [['common-ground.js', "'common-ground_bg.wasm'", '"common-ground_bg.wasm"']]],
  ["the split loader's fetch of a group before its chunks", [['__wasm_split.js', 'const instantiate = fetcher();', 'const go = fetcher();']]],
  // The same comment on the line of the chunk's declaration: the packs find it, GROUPS not.
  ["the split loader's group comments", [['__wasm_split.js', ' */\nconst', ' */ const']]],
  ["the split loader's chunks", [['__wasm_split.js', '/* ', '// ']]],
  ['the fetch of __chunk_1', [['__wasm_split.js', 'fetch(new URL("./chunk_1.wasm"', 'fetch(new URL(`./chunk_1.wasm`']]],
  ['the compiling of __chunk_1', [['__wasm_split.js', 'instantiateStreaming(src, imports)', 'instantiateStreaming(source, imports)']]],
  ["the split loader's import of the glue", [['__wasm_split.js', 'import { initSync }', 'const { initSync } =']]],
  // (The split loader always has one: the name stage writes its packs' names into it.)
  ['references to built files in common-ground.js', [['common-ground.js', './snippets/crate-1/glue.js', 'snippets/crate-1/glue.js']]],
];

for (const [name, edits] of nameCases) {
  test(`name stops, naming '${name}', when it matches nothing`, () => {
    const d = built();
    for (const [file, from, to] of edits) edit(path.join(d, file), from, to);
    const r = run(['name', d, fs.mkdtempSync(path.join(os.tmpdir(), 'cg-out-'))]);
    assert.notEqual(r.code, 0, 'the build must fail');
    assert.ok(r.out.includes(name), r.out);
  });
}
