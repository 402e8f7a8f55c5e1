#!/bin/sh
# Trunk post_build hook (runs in the staging dir before it becomes dist/).
# 1. The Content-Security-Policy forbids inline scripts, so trunk's inline boot module moves
#    to boot.js.
# 2. The service worker gets the list of every built file and a version made from their
#    content (trunk's file hashes do not change when only wasm-opt does).
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
python3 - "$dir" <<'PY'
import hashlib, json, os, re, sys
d = sys.argv[1]
index = os.path.join(d, "index.html")
html = open(index, encoding="utf-8").read()
pattern = re.compile(r'<script type="module">(.*?)</script>', re.S)
m = pattern.search(html)
if m:
    open(os.path.join(d, "boot.js"), "w", encoding="utf-8").write(m.group(1).strip() + "\n")
    html = html[: m.start()] + '<script type="module" src="./boot.js"></script>' + html[m.end():]
    open(index, "w", encoding="utf-8").write(html)
if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html):
    sys.exit("post-build: an inline <script> is left in index.html; the CSP would block it")
files = []
for root, _, names in os.walk(d):
    for n in names:
        rel = os.path.relpath(os.path.join(root, n), d).replace(os.sep, "/")
        if rel != "sw.js":
            files.append(rel)
files.sort()
h = hashlib.sha256()
for rel in files:
    h.update(rel.encode())
    h.update(open(os.path.join(d, rel), "rb").read())
version = h.hexdigest()[:16]
urls = ["./"] + ["./" + f for f in files]
sw_path = os.path.join(d, "sw.js")
sw = open(sw_path, encoding="utf-8").read()
sw = sw.replace("'__CG_VERSION__'", json.dumps(version)).replace("__CG_PRECACHE__", json.dumps(urls))
open(sw_path, "w", encoding="utf-8").write(sw)
print(f"post-build: boot.js written, {len(urls)} files precached, version {version}")
PY
