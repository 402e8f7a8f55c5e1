#!/usr/bin/env python3
"""Trunk post_build hook (runs in the staging dir before it becomes dist/).

1. The Content-Security-Policy forbids inline scripts: fail if one is in index.html. Then
   preload links for the main module and its JS glue go into index.html.
   boot-screen.js gets the list of the chunks a received map needs (preloaded for #/m/ links).
2. The service worker gets the list of every built file, in the order to precache them and
   with how to fetch each (hashed names from the HTTP cache, the rest checked with the server),
   and a version made from their content."""
import json
import os
import re
import sys

from built_files import content_hash, listing

d = os.environ.get("TRUNK_STAGING_DIR") or sys.exit("post-build: run by trunk (see Trunk.toml)")
index = os.path.join(d, "index.html")
html = open(index, encoding="utf-8").read()
if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("post-build: an inline <script> is left in index.html; the CSP would block it")
# Preload the JS boot.js will ask for, so the glue and the split loader download alongside
# boot.js instead of one round trip after another (150 ms each on a slow phone network).
boot = open(os.path.join(d, "boot.js"), encoding="utf-8").read()
wanted = re.findall(r"\./([\w.-]+\.(?:js|wasm))", boot)
wanted += [n for n in sorted(os.listdir(d)) if n.startswith("__wasm_split-") and n.endswith(".js")]
# The main module itself is not preloaded: boot.js fetches it first thing (see hash-names.py on
# why WebKit needs that), and a preload would make WebKit download it twice.
links = "".join(f'    <link rel="modulepreload" href="./{n}" />\n' for n in wanted if n.endswith(".js"))
if "rel=\"modulepreload\"" not in html:
    html = html.replace("  </head>", links + "  </head>", 1)
# A received map (#/m/) is drawn by the "receiving" group: its split module and every shared
# chunk it loads. boot-screen.js preloads them alongside the main module for such a link, so a
# first-time receiver does not wait for the main module to start before they download.
loader = next(n for n in os.listdir(d) if n.startswith("__wasm_split-") and n.endswith(".js"))
loader_js = open(os.path.join(d, loader), encoding="utf-8").read()
receiving = [f for groups, f in re.findall(r"/\* ([\w, ]+) \*/\s*const __chunk_\d+ = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\(\"\./([\w.-]+\.wasm)\"", loader_js)
           if "receiving" in groups.split(", ")]
receiving += re.findall(r"__wasm_split_load_receiving = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\(\"\./([\w.-]+\.wasm)\"", loader_js)
if not any(f.startswith("split_receiving-") for f in receiving):
    sys.exit("post-build: the receiving group's module is not in the split loader")
# A format-2 link is decoded with the share-link tables (src/store/share_model.rs): they
# download alongside the receiving chunks too.
if not os.path.exists(os.path.join(d, "share-model-2.bin")):
    sys.exit("post-build: share-model-2.bin (the format-2 share-link tables) is not in the build")
receiving.append("share-model-2.bin")
html, filled = re.subn(r'(<script async src="\./boot-screen\.js") data-chunks=""', lambda m: f'{m.group(1)} data-chunks="{" ".join(receiving)}"', html)
if filled != 1:
    sys.exit("post-build: expected one boot-screen.js script with an empty data-chunks in index.html")
# trunk copies the skipped Rust link (index.html's marker that the wasm comes from the build
# hook) into the output as it is; no data-trunk markup belongs in what a browser gets.
html, removed = re.subn(r"[ \t]*<link\b[^>]*\bdata-trunk-skip\b[^>]*>\n?", "", html)
if removed != 1:
    sys.exit(f"post-build: expected one skipped rust link in index.html, found {removed}")
if "data-trunk" in html:
    sys.exit("post-build: data-trunk markup is left in index.html")
open(index, "w", encoding="utf-8").write(html)
files = listing(d, skip={"sw.js", "index.html"})
version = content_hash(d, files + ["index.html"])
# A content hash in the name (hash-names.py, trunk's CSS) means the file never changes: the
# service worker may take whatever copy the browser holds. Anything else is checked with the
# server. The files the page itself loads come first: they are in the HTTP cache already.
HASHED = re.compile(r"(^|/)[^/]*-[0-9a-f]{16}(_bg)?\.[a-z]+$|^snippets-[0-9a-f]{16}/")
first = set(wanted) | {"boot.js"} | set(re.findall(r'(?:href|src)="\./([^"#?]+)"', html))
order = sorted(files, key=lambda f: (f not in first, not f.endswith((".js", ".css", ".wasm")), f))
precache = [["./", "no-cache"]] + [["./" + f, "force-cache" if HASHED.search(f) else "no-cache"] for f in order]
sw_path = os.path.join(d, "sw.js")
sw = open(sw_path, encoding="utf-8").read()
sw = sw.replace("'__CG_VERSION__'", json.dumps(version)).replace("__CG_PRECACHE__", json.dumps(precache))
open(sw_path, "w", encoding="utf-8").write(sw)
immutable = sum(1 for _, mode in precache if mode == "force-cache")
print(f"post-build: {len(precache)} files precached ({immutable} hashed, taken from the HTTP cache), version {version}")
