#!/usr/bin/env python3
"""Puts a content hash in the name of every file scripts/build-wasm.sh built, rewrites the
references between them, writes boot.js and copies the lot into trunk's staging directory.

    hash-names.py BUILT_DIR STAGING_DIR

One hash over all of the files names them all: the main JS glue and the split loader import
each other, so a per-file hash would be circular."""
import os
import re
import shutil
import sys

from built_files import content_hash, listing

built, staging = sys.argv[1], sys.argv[2]

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
# Only module specifiers and fetched URLs are rewritten (`from "./x"`, `URL("./x"`), whole
# names only. The wasm's import keys ("./__wasm_split.js": …) must stay as the binary has them.
names = "|".join(re.escape(r) for r in files if r.endswith(".js") or r.endswith(".wasm"))
pattern = re.compile(r"""(from\s*|URL\(\s*|import\(\s*)(["'])\./(""" + names + r""")\2""")

for rel, new in renames.items():
    src = os.path.join(built, rel)
    dst = os.path.join(staging, new)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    if rel.endswith(".js") and "/" not in rel:  # the glue and the split loader
        text = open(src, encoding="utf-8").read()
        text = pattern.sub(lambda m: f"{m.group(1)}{m.group(2)}./{renames[m.group(3)]}{m.group(2)}", text)
        # wasm-bindgen's default location of the module, used when no path is passed.
        text = text.replace("'common-ground_bg.wasm'", f"'{renames['common-ground.wasm']}'")
        open(dst, "w", encoding="utf-8").write(text)
    else:
        shutil.copyfile(src, dst)

main_js, main_wasm = renames["common-ground.js"], renames["common-ground.wasm"]
# boot.js fetches the main module itself, first thing, rather than index.html preloading it:
# WebKit (Safari, and every browser on an iPhone) never hands a <link rel="preload"> response to
# wasm-bindgen's later fetch() and downloaded the module twice. The glue is modulepreloaded
# (post-build.py), so importing it here costs no round trip. A copy of the module goes to the
# cache the service worker precaches from (public/sw.js), so the precache does not download it
# again either; src/ui/sw_glue.js does the same for the chunks.
BOOT = """const wasm = fetch('./{wasm}');
// Only on a first visit: once a service worker controls the page, it holds the module already.
if (!navigator.serviceWorker?.controller) {{
  wasm
    .then((response) => {{
      const copy = response.ok && response.clone();
      return copy && caches.open('cg-fetched').then((c) => c.put('./{wasm}', copy));
    }})
    .catch(() => {{}}); // no Cache API here (storage blocked): the precache fetches it instead
}}
const {{ default: init }} = await import('./{js}');
await init({{ module_or_path: wasm }});
"""
with open(os.path.join(staging, "boot.js"), "w", encoding="utf-8") as boot:
    boot.write(BOOT.format(js=main_js, wasm=main_wasm))
chunks = sum(1 for r in files if r.endswith(".wasm")) - 1
print(f"build-wasm: {main_js}, {main_wasm} and {chunks} lazily loaded chunks")
