#!/usr/bin/env python3
"""Every rewrite of the built files, in one place, failing the build by name when a pattern
stops matching (a new wasm-bindgen, wasm-split or trunk that words its output differently must
stop the build, not ship a page that loads the old names or nothing).

    post-process.py name BUILT_DIR STAGING_DIR   (scripts/build-wasm.sh)
        Puts one content hash in the name of every file the wasm pipeline built, rewrites the
        references between them, writes boot.js and copies the lot into trunk's staging folder.
    post-process.py finish                        (trunk's post_build hook, see Trunk.toml)
        Checks index.html for inline scripts, adds the early fetch of the main module (the one
        inline script, named by its hash in the CSP), bundles boot.js with the glue, the split
        loader and our JS snippets into one file (minified in a release build), gives
        boot-screen.js the files a received map needs, removes trunk's markup, and writes the
        service worker's precache list and version."""
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys


def fail(message):
    sys.exit(f"post-process: {message}")


def substitute(name, pattern, replacement, text, exactly=None):
    """`re.subn` that fails the build, naming the pattern, when it matches nothing (or not
    `exactly` the expected number of times)."""
    new, count = re.subn(pattern, replacement, text)
    if count == 0 or (exactly is not None and count != exactly):
        expected = exactly if exactly is not None else "at least 1"
        fail(f"pattern '{name}' matched {count} times, expected {expected}")
    return new


def find_all(name, pattern, text):
    """`re.findall` that fails the build, naming the pattern, when it finds nothing."""
    found = re.findall(pattern, text)
    if not found:
        fail(f"pattern '{name}' found nothing")
    return found


def replace_once(name, old, new, text):
    """Plain-text replacement of a placeholder that must occur exactly once."""
    if text.count(old) != 1:
        fail(f"placeholder '{name}' ({old}) occurs {text.count(old)} times, expected 1")
    return text.replace(old, new)


def listing(folder, skip=()):
    """Every file under `folder`, as sorted '/'-separated relative paths, minus `skip`."""
    files = []
    for root, _, names in os.walk(folder):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            if rel not in skip:
                files.append(rel)
    return sorted(files)


def content_hash(folder, files):
    """16 hex digits of SHA-256 over each file's path and bytes, in order."""
    digest = hashlib.sha256()
    for rel in files:
        digest.update(rel.encode())
        with open(os.path.join(folder, rel), "rb") as f:
            digest.update(f.read())
    return digest.hexdigest()[:16]


def loaded_chunks(bundle):
    """(groups, file) for every shared chunk the bundled split loader fetches, the file being
    the chunk's own or its pack (see PACK_BELOW): its `/*! … */` comment names the page groups
    that load it (see GROUPS). scripts/tap-bytes.py reads it too."""
    return find_all(
        "shared chunks in the split loader",
        r"/\*! ([\w, ]+) \*/\s*(?:const|let|var) [\w$]+\s*=\s*[\w$]+\(\s*\(\)\s*=>\s*\{\s*(?:const|let|var) [\w$]+\s*=\s*[\w$]+\(new URL\(\"\./([\w.-]+\.wasm)\"",
        bundle,
    )


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


# boot.js fetches the main module itself, first thing, rather than index.html preloading it:
# WebKit (Safari, and every browser on an iPhone) never hands a <link rel="preload"> response to
# wasm-bindgen's later fetch() and downloaded the module twice. `finish` bundles it with the glue
# it imports into one file (see `bundle_start`), so the import costs no request. No top-level
# await: the bundle targets es2020, which has none. A copy of the module goes to the
# cache the service worker precaches from (public/sw.js), so the precache does not download it
# again either; src/ui/sw_glue.js does the same for the chunks.
#
# When the whole module has arrived (its resource-timing entry: the body's last byte), boot.js
# says so (window.cgMainArrived and the event "cg-main-arrived"): boot-screen.js waits for it
# before fetching a shared map's chunks, so on a slow line the main module, which reads the
# sender's name from the link, is not slowed down by them.
BOOT = """import init from './{js}';
const wasm = window.cgMain || fetch('./{wasm}');
const arrived = () => {{
  if (window.cgMainArrived) return;
  window.cgMainArrived = true;
  document.dispatchEvent(new Event('cg-main-arrived'));
}};
try {{
  const url = new URL('./{wasm}', location.href).href;
  new PerformanceObserver((list, observer) => {{
    if (list.getEntriesByName(url).length) {{
      observer.disconnect();
      arrived();
    }}
  }}).observe({{ type: 'resource', buffered: true }});
}} catch {{
  wasm.then(arrived, arrived); // no resource timing here: the headers will do
}}
// Only on a first visit: once a service worker controls the page, it holds the module already.
if (!navigator.serviceWorker?.controller) {{
  wasm
    .then((response) => {{
      const copy = response.ok && response.clone();
      return copy && caches.open('cg-fetched').then((c) => c.put('./{wasm}', copy));
    }})
    .catch(() => {{}}); // no Cache API here (storage blocked): the precache fetches it instead
}}
init({{ module_or_path: wasm }});
"""


# The main module's download starts from a line of inline script at the top of the page
# (window.cgMain, which boot.js takes). boot.js itself is a module script, and a module script
# runs only once the stylesheet has arrived: on the bench's throttled line the download began
# ~0.49 s after navigation, the line idle meanwhile but for the small CSS and JS; from the
# inline line, which runs as the parser reaches it (before the stylesheet), at ~0.32 s. Not a <link rel="preload">: WebKit
# would download the module twice (see BOOT). The CSP still forbids inline scripts but this
# one, named by its hash.
EARLY = "window.cgMain=fetch('./{wasm}')"


def early_fetch(html, wasm):
    """Puts the early-fetch script into index.html, and its hash into the CSP."""
    script = EARLY.format(wasm=wasm)
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    html = substitute(
        "the early-fetch placeholder in index.html",
        r"<!-- cg:early-fetch:[^>]*-->",
        lambda _: f"<script>{script}</script>",
        html,
        exactly=1,
    )
    return substitute(
        "script-src in index.html's CSP",
        r"script-src 'self' 'wasm-unsafe-eval'",
        lambda m: f"{m.group(0)} 'sha256-{digest}'",
        html,
        exactly=1,
    )


# wasm-split's loader asks for a page group's shared chunks first and for the group's own
# module last, though the module is its biggest file (131 KB gzip of the "everyday" group's
# 288 KB). Over HTTP/1.1 a browser opens six connections to a host, so on a first visit that
# module queued behind 33 small files at a round trip each: in a throttled timeline its first
# byte came 1.2 s after the tap on My map. The module is now asked for first. Only the order
# of the requests changes: it is still instantiated after the chunks it imports. (Asking for
# every file biggest first was measured too: the tap the same, a received map's page 0.2 s
# later, the small files then queueing at the end; see README.)
FETCH_ORDER = (
    "        const parallelStuff = deps.map(d => d());\n        const instantiate = fetcher();\n",
    "        const instantiate = fetcher();\n        const parallelStuff = deps.map(d => d());\n",
)


# Above each shared chunk wasm-split writes which groups load it (`/* codec, everyday */`);
# `finish` reads them to list what a received map needs. Marked `/*!`, they are kept when the
# loader is minified (esbuild keeps such comments where they are: --legal-comments=inline).
GROUPS = r"(?m)^/\* ([\w, ]+) \*/$"


# Packs. wasm-split makes a shared chunk for every combination of page groups that uses a
# function: some 70 chunks, most under 2 KB, and a first tap on My map asked for 45. Over
# HTTP/1.1 a browser opens six connections to a host, so on a slow line each small file cost a
# round trip; and every file is a gzip stream of its own, compressed without its neighbours.
# So every chunk under PACK_BELOW travels in a pack, several chunks one after another in one
# file, which the loader fetches once and slices (each chunk is still instantiated on its
# own, so only the chunks a group needs are compiled). A pack must not make a first visit wait
# for bytes it does not need, so a chunk goes in the pack named by the groups of a first visit
# that load it (FIRST_VISIT_GROUPS: the record codec, the pages Home's welcome points at, a
# received map); a chunk none of them loads, in the pack of the everyday pages or the others.
# Each chunk is in one pack: nothing is downloaded twice. Bigger chunks stay files of their
# own, compiled while they download. A pack is itself a wasm module, one with no code whose
# custom sections hold the chunks: hosts compress what they serve as application/wasm, and
# many send other binary types (.bin: application/octet-stream) as they are, which made the
# packs' bytes 2.2 times what gzip makes of them on the bench's host.
# 40 KB rather than 32: a chunk every first visit loads grew to 35.9 KB, and as a file of its
# own it was one more request on a first visit's critical path (see the README, "Packs").
PACK_BELOW = 40 * 1024
FIRST_VISIT_GROUPS = ("codec", "receiving", "starting")
CHUNK_BLOCK = re.compile(
    r"/\* ([\w, ]+) \*/\s*const (__chunk_\d+) = makeLoad\(\(\) => \{(.*?)\n\}\s*,\s*\[\]\);", re.S
)
CHUNK_FETCH = r'fetch\(new URL\("\./(chunk_\d+\.wasm)", import\.meta\.url\)\)'
CHUNK_COMPILE = r"WebAssembly\.instantiateStreaming\(src, imports\)"
# The loader's reader of packs. A failed fetch is forgotten, so that the next load (the page
# asks again) fetches the pack anew, as it would a chunk's file; an HTML answer (a host that
# serves index.html for any missing path) is a failure, not bytes.
PACK_READER = """
const cgPacks = new Map();
function cgPack(url, offset, length) {
    let pack = cgPacks.get(url.href);
    if (pack === undefined) {
        pack = fetch(url).then((response) => {
            const type = response.headers.get("content-type") || "";
            if (!response.ok || type.includes("text/html")) throw new Error(`${url}: ${response.status} ${type}`);
            return response.arrayBuffer();
        });
        cgPacks.set(url.href, pack);
        pack.catch(() => { if (cgPacks.get(url.href) === pack) cgPacks.delete(url.href); });
    }
    return pack.then((buffer) => new Uint8Array(buffer, offset, length));
}
"""


WASM_HEADER = b"\0asm\x01\0\0\0"


def leb128(n):
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def custom_section(name, payload):
    """A wasm custom section (id 0) named `name`, holding `payload` as its last bytes."""
    body = leb128(len(name)) + name.encode() + payload
    return b"\0" + leb128(len(body)) + body


def pack_name(groups):
    """The pack a chunk loaded by `groups` goes in (see PACK_BELOW)."""
    first = [g for g in FIRST_VISIT_GROUPS if g in groups]
    if first:
        return "pack_" + "-".join(first) + ".wasm"
    return "pack_everyday.wasm" if "everyday" in groups else "pack_other.wasm"


def pack_chunks(built):
    """Moves the small chunks of `built` into packs and points the split loader at them."""
    loader_path = os.path.join(built, "__wasm_split.js")
    loader = read(loader_path)
    blocks = CHUNK_BLOCK.findall(loader)
    if not blocks:
        fail("pattern 'the split loader's chunks' found nothing")
    packs = {}
    moved = 0

    def repack(m):
        nonlocal moved
        groups, ident, body = m.group(1), m.group(2), m.group(3)
        files = re.findall(CHUNK_FETCH, body)
        if len(files) != 1:
            fail(f"pattern 'the fetch of {ident}' matched {len(files)} times, expected 1")
        path = os.path.join(built, files[0])
        size = os.path.getsize(path)
        if size >= PACK_BELOW:
            return m.group(0)
        name = pack_name(groups.split(", "))
        with open(path, "rb") as f:
            data = f.read()
        parts = packs.setdefault(name, [WASM_HEADER])
        section = custom_section(ident, data)
        offset = sum(len(p) for p in parts) + len(section) - len(data)
        parts.append(section)
        os.remove(path)
        moved += 1
        body = substitute(f"the fetch of {ident}", CHUNK_FETCH,
                          lambda _: f'cgPack(new URL("./{name}", import.meta.url), {offset}, {size})', body, exactly=1)
        body = substitute(f"the compiling of {ident}", CHUNK_COMPILE,
                          "WebAssembly.instantiate(await src, imports)", body, exactly=1)
        return m.group(0).replace(m.group(3), body)

    loader = CHUNK_BLOCK.sub(repack, loader)
    for name, parts in packs.items():
        with open(os.path.join(built, name), "wb") as f:
            f.write(b"".join(parts))
    # After the loader's imports: the packs' reader is a function of the loader's own.
    loader = substitute("the split loader's import of the glue", r"^(import [^\n]*\n)", lambda m: m.group(1) + PACK_READER,
                        loader, exactly=1)
    write(loader_path, loader)
    print(f"build-wasm: {moved} of {len(blocks)} shared chunks in {len(packs)} packs")


def name_files(built, staging):
    # One hash over all of the files names them all: the main JS glue and the split loader
    # import each other, so a per-file hash would be circular.
    pack_chunks(built)
    files = listing(built)
    h = content_hash(built, files)

    def hashed(rel):
        if rel == "common-ground.wasm":
            return f"common-ground-{h}_bg.wasm"
        if rel.startswith("snippets/"):
            # wasm-bindgen names the folder per crate, not per content: a changed snippet would
            # keep its URL, and a static host's HTTP cache could serve the old one.
            return f"snippets-{h}/" + rel[len("snippets/"):]
        stem, ext = os.path.splitext(rel)
        return f"{stem}-{h}{ext}"

    renames = {rel: hashed(rel) for rel in files}
    for needed in ("common-ground.js", "common-ground.wasm", "__wasm_split.js"):
        if needed not in renames:
            fail(f"{needed} is not among the built files")
    # Only module specifiers and fetched URLs are rewritten (`from "./x"`, `URL("./x"`), whole
    # names only. The wasm's import keys ("./__wasm_split.js": …) must stay as the binary has.
    names = "|".join(re.escape(r) for r in files if r.endswith((".js", ".wasm")))
    reference = r"""(from\s*|URL\(\s*|import\(\s*)(["'])\./(""" + names + r""")\2"""
    for rel, new in renames.items():
        src, dst = os.path.join(built, rel), os.path.join(staging, new)
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        if rel.endswith(".js") and "/" not in rel:  # the glue and the split loader
            text = substitute(
                f"references to built files in {rel}",
                reference,
                lambda m: f"{m.group(1)}{m.group(2)}./{renames[m.group(3)]}{m.group(2)}",
                read(src),
            )
            if rel == "__wasm_split.js":
                text = replace_once("the split loader's fetch of a group before its chunks", *FETCH_ORDER, text)
                text = substitute("the split loader's group comments", GROUPS, r"/*! \1 */", text)
            if rel == "common-ground.js":
                # wasm-bindgen's default location of the module, used when no path is passed.
                text = substitute(
                    "wasm-bindgen's default module URL",
                    r"'common-ground_bg\.wasm'",
                    f"'{renames['common-ground.wasm']}'",
                    text,
                    exactly=1,
                )
            write(dst, text)
        else:
            shutil.copyfile(src, dst)

    main_js, main_wasm = renames["common-ground.js"], renames["common-ground.wasm"]
    write(os.path.join(staging, "boot.js"), BOOT.format(js=main_js, wasm=main_wasm))
    chunks = sum(1 for r in files if r.endswith(".wasm")) - 1
    print(f"build-wasm: {main_js}, {main_wasm} and {chunks} lazily loaded files")


# A content hash in the name (see `name_files`, trunk's CSS) means the file never changes: the
# service worker may take whatever copy the browser holds. Anything else is checked with the
# server.
HASHED = re.compile(r"(^|/)[^/]*-[0-9a-f]{16}(_bg)?\.[a-z]+$")
# Files that never change under their name: the hashed ones, and the share-link tables, whose
# name carries their format (src/core/share/words.rs: a format's tables never change).
IMMUTABLE = re.compile(HASHED.pattern + r"|^share-model-\d+\.bin$")


def esbuild(args, what):
    """Runs the esbuild that `npm ci` installs; any warning fails the build."""
    exe = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "node_modules", ".bin", "esbuild")
    if not os.access(exe, os.X_OK):
        fail("esbuild is not installed (npm ci installs it: package.json)")
    result = subprocess.run(
        [exe, *args, "--target=es2020", "--log-level=warning",
         # Above each shared chunk the split loader says which groups load it, as a /*! comment
         # (see GROUPS): kept, so `finish` can read them in the bundle, and again on a re-run.
         "--legal-comments=inline",
         # wasm-bindgen's import object names one snippet once per binding, each the same
         # namespace object: a duplicate key, harmless (the last wins, and they are equal).
         "--log-override:duplicate-object-key=silent"],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 or result.stderr.strip():
        fail(f"esbuild could not {what}: {(result.stderr or result.stdout).strip()}")


# The JS a start needs is one file: boot.js with the wasm-bindgen glue and everything the glue
# imports (the split loader and our four snippets) bundled into it by esbuild, under the glue's
# hashed name, which index.html's module script then names. Each module of a start is a
# request, and on a repeat visit each goes through the service worker, one import level after
# another. A/B of the builds, 35 offline starts each (`node tests/bench/browser.mjs --root DIR
# --only c`), to Home drawn and a tap answered at 4× CPU (medians): the glue, loader and
# snippets in one file took 203 to 189 ms (My map drawn 342 to 307 ms), and boot.js in it too
# 189 to 175 ms (321 to 299 ms). A release build also minifies it (and boot-screen.js): 15.6
# KB of glue, snippets and boot screen came to 10.3 KB gzip, the loader 1.6 to 1.2 KB. es2020
# is what the pages already need (optional chaining); esbuild fails the build if a file needs
# more.
def bundle_start(d, entry, out, release):
    """Bundles `entry` (a file in `d`) with all it imports into `out`, and removes the files it
    took in."""
    text = read(os.path.join(d, entry))
    for n in sorted(set(re.findall(r"""\bfrom\s*["']\./([\w./-]+\.js)["']""", text))):
        if not os.path.isfile(os.path.join(d, n)):
            fail(f"{entry} imports {n}, which is not in the build")
    tmp = os.path.join(d, out + ".bundle")
    meta = os.path.join(d, out + ".meta.json")
    esbuild([os.path.join(d, entry), "--bundle", "--format=esm", *(["--minify"] if release else []),
             f"--outfile={tmp}", f"--metafile={meta}"], f"bundle {entry}")
    with open(meta, encoding="utf-8") as f:
        inputs = json.load(f)["inputs"]
    os.remove(meta)
    # esbuild names its inputs relative to the working directory.
    for n in inputs:
        path = os.path.abspath(n)
        if os.path.commonpath([path, os.path.abspath(d)]) != os.path.abspath(d):
            fail(f"bundling {entry} took in {n}, which is not in the build")
        os.remove(path)
    for n in os.listdir(d):
        folder = os.path.join(d, n)
        if n.startswith("snippets-") and os.path.isdir(folder) and not any(files for _, _, files in os.walk(folder)):
            shutil.rmtree(folder)
    os.replace(tmp, os.path.join(d, out))


def finish(d):
    index = os.path.join(d, "index.html")
    html = read(index)
    inline = re.search(r"<script(?![^>]*\bsrc=)[^>]*>.{0,80}", html, re.S)
    if inline:
        fail(f"an inline <script> is left in index.html; the CSP would block it: {inline.group(0)!r}")
    # The start is the one module script index.html names: boot.js as the name stage writes
    # it, bundled here (see `bundle_start`), or, in a build finished before, that bundle.
    script = r'<script type="module" src="\./([\w.-]+\.js)"></script>'
    starts = re.findall(script, html)
    if len(starts) != 1:
        fail(f"expected one module script in index.html, found {starts}")
    start = starts[0]
    wanted = find_all(f"files {start} loads", r"\./([\w.-]+\.(?:js|wasm))", read(os.path.join(d, start)))
    main_wasm = [n for n in wanted if n.endswith("_bg.wasm")]
    if len(set(main_wasm)) != 1:
        fail(f"expected {start} to load one main module (*_bg.wasm), found {main_wasm}")
    html = early_fetch(html, main_wasm[0])
    release = os.environ.get("TRUNK_PROFILE") == "release"
    if start == "boot.js":
        glue = [n for n in wanted if re.fullmatch(r"common-ground-[0-9a-f]{16}\.js", n)]
        if len(glue) != 1:
            fail(f"expected boot.js to load one glue file (common-ground-*.js), found {glue}")
        bundle_start(d, "boot.js", glue[0], release)
        html = substitute("the start's module script in index.html", r'src="\./boot\.js"', f'src="./{glue[0]}"', html, exactly=1)
        start = glue[0]
    bundle = read(os.path.join(d, start))
    if re.search(r"""\bfrom\s*["']\./|\bimport\s*\(\s*["']\./""", bundle):
        fail(f"{start} still imports other files once bundled")
    # Nothing is preloaded: the module script is the whole start, and the main module is fetched
    # by the early-fetch line first thing (see EARLY and BOOT on why WebKit needs that; a
    # preload would make WebKit download it twice).

    # A received map (#/m/) is drawn by the "receiving" group: its split module and every shared
    # chunk it loads. boot-screen.js preloads them alongside the main module for such a link, so
    # a first-time receiver does not wait for the main module to start before they download.
    shared = loaded_chunks(bundle)
    receiving = list(dict.fromkeys(f for groups, f in shared if "receiving" in groups.split(", ")))
    # wasm-split names a group's own module after the group.
    own = [n for n in sorted(os.listdir(d)) if re.fullmatch(r"split_receiving-[0-9a-f]{16}\.wasm", n)]
    if len(own) != 1:
        fail(f"expected one module of the receiving group (split_receiving-*.wasm), found {own}")
    receiving += own
    # A format-2 link is decoded with the share-link tables (src/store/share_model.rs): they
    # download alongside the receiving chunks too.
    if not os.path.exists(os.path.join(d, "share-model-2.bin")):
        fail("share-model-2.bin (the format-2 share-link tables) is not in the build")
    receiving.append("share-model-2.bin")
    html = substitute(
        "boot-screen.js's empty data-chunks in index.html",
        r'(<script async src="\./boot-screen\.js") data-chunks=""',
        lambda m: f'{m.group(1)} data-chunks="{" ".join(receiving)}"',
        html,
        exactly=1,
    )
    # trunk copies the skipped Rust link (index.html's marker that the wasm comes from the build
    # hook) into the output as it is; no data-trunk markup belongs in what a browser gets.
    html = substitute("trunk's skipped rust link", r"[ \t]*<link\b[^>]*\bdata-trunk-skip\b[^>]*>\n?", "", html, exactly=1)
    if "data-trunk" in html:
        fail("data-trunk markup is left in index.html")
    # index.html's comments are for whoever reads the source: 306 B gzip of a first visit's first
    # response. (The early-fetch placeholder, the one comment this script reads, is gone by now;
    # a finished build has none left, which is no error.)
    html = re.sub(r"(?s)[ \t]*<!--.*?-->\n?", "", html)
    write(index, html)

    if release:
        esbuild([os.path.join(d, "boot-screen.js"), "--minify", f"--outdir={d}", "--allow-overwrite"], "minify boot-screen.js")

    files = listing(d, skip={"sw.js", "index.html"})
    version = content_hash(d, files + ["index.html"])
    # The files the page itself loads come first: they are in the HTTP cache already.
    first = set(wanted) | set(re.findall(r'(?:href|src)="\./([^"#?]+)"', html))
    order = sorted(files, key=lambda f: (f not in first, not f.endswith((".js", ".css", ".wasm")), f))
    precache = [["./", "no-cache"]] + [["./" + f, "force-cache" if IMMUTABLE.search(f) else "no-cache"] for f in order]
    immutable = sum(1 for _, mode in precache if mode == "force-cache")
    if not any(HASHED.search(f) for f in wanted):
        fail(f"pattern 'hashed file name' matches none of the files {start} loads")
    sw_path = os.path.join(d, "sw.js")
    sw = replace_once("service worker version", "'__CG_VERSION__'", json.dumps(version), read(sw_path))
    sw = replace_once("service worker precache list", "__CG_PRECACHE__", json.dumps(precache), sw)
    write(sw_path, sw)
    print(f"post-process: {len(precache)} files precached ({immutable} immutable, taken from the HTTP cache), version {version}")


if __name__ == "__main__":
    if sys.argv[1:2] == ["name"] and len(sys.argv) == 4:
        name_files(sys.argv[2], sys.argv[3])
    elif sys.argv[1:] == ["finish"]:
        finish(os.environ.get("TRUNK_STAGING_DIR") or fail("finish: run by trunk (see Trunk.toml)"))
    else:
        fail("usage: post-process.py name BUILT_DIR STAGING_DIR | post-process.py finish")
