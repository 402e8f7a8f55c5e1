#!/usr/bin/env python3
"""The bytes a first tap on a page waits for: a page group's own module, the record codec's,
and every chunk the bundled start's loader lists for either, each gzip -9 as the bench's host
sends them. Compare two builds before adding to a page group (README, "Size and speed").

    python3 scripts/tap-bytes.py [DIST [GROUP]]     # default: dist starting (My map, Add person)
"""
import glob
import gzip
import importlib.util
import os
import sys

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
group = sys.argv[2] if len(sys.argv) > 2 else "starting"
groups = {group, "codec"}

# The build's own reader of the loader's group comments (scripts/post-process.py).
spec = importlib.util.spec_from_file_location(
    "post_process", os.path.join(os.path.dirname(os.path.abspath(__file__)), "post-process.py")
)
post_process = importlib.util.module_from_spec(spec)
spec.loader.exec_module(post_process)

starts = glob.glob(os.path.join(dist, "common-ground-*.js"))
if len(starts) != 1:
    sys.exit(f"{dist}: expected one bundled start (common-ground-*.js), found {len(starts)}")
loaded = post_process.loaded_chunks(post_process.read(starts[0]))
chunks = sorted({f for names, f in loaded if groups & set(names.split(", "))})


def one(pattern):
    found = glob.glob(os.path.join(dist, pattern))
    if len(found) != 1:
        sys.exit(f"{dist}: expected one {pattern}, found {len(found)}")
    return found[0]


files = [one(f"split_{g}-*.wasm") for g in sorted(groups)] + [os.path.join(dist, c) for c in chunks]
raw = sum(os.path.getsize(f) for f in files)
packed = sum(len(gzip.compress(open(f, "rb").read(), 9)) for f in files)
print(f"{group} + codec: {len(files)} files ({len(chunks)} shared chunks and packs), {raw:,} B raw, {packed:,} B gzip -9")
