#!/usr/bin/env python3
"""The bytes a first tap on a page waits for: a page group's own module, the record codec's,
and every chunk the bundled start's loader lists for either, each gzip -9 as the bench's host
sends them. Compare two builds before adding to a page group (README, "Size and speed").

    python3 scripts/tap-bytes.py [DIST [GROUP]]     # default: dist everyday
"""
import glob
import gzip
import os
import re
import sys

dist = sys.argv[1] if len(sys.argv) > 1 else "dist"
group = sys.argv[2] if len(sys.argv) > 2 else "everyday"
groups = {group, "codec"}

starts = glob.glob(os.path.join(dist, "common-ground-*.js"))
if len(starts) != 1:
    sys.exit(f"{dist}: expected one bundled start (common-ground-*.js), found {len(starts)}")
start = open(starts[0], encoding="utf-8").read()
# The loader's lines, as scripts/post-process.py leaves them: /*! groups */ … "./chunk_N-<hash>.wasm"
listed = re.findall(r"/\*!\s*([^*]*?)\s*\*/.{0,80}?\./(chunk_\d+)-", start)
if not listed:
    sys.exit(f"{starts[0]}: no chunk group comments (has the loader's form changed?)")
chunks = sorted({c for names, c in listed if groups & set(names.split(", "))})


def one(pattern):
    found = glob.glob(os.path.join(dist, pattern))
    if len(found) != 1:
        sys.exit(f"{dist}: expected one {pattern}, found {len(found)}")
    return found[0]


files = [one(f"split_{g}-*.wasm") for g in sorted(groups)] + [one(f"{c}-*.wasm") for c in chunks]
raw = sum(os.path.getsize(f) for f in files)
packed = sum(len(gzip.compress(open(f, "rb").read(), 9)) for f in files)
print(f"{group} + codec: {len(files)} files ({len(chunks)} chunks), {raw:,} B raw, {packed:,} B gzip -9")
