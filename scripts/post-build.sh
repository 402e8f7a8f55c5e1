#!/bin/sh
# Trunk post_build hook (runs in the staging dir before it becomes dist/).
# 1. The Content-Security-Policy forbids inline scripts: fail if one is in index.html.
# 2. The service worker gets the list of every built file and a version made from their
#    content.
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
python3 - "$dir" <<'PY'
import hashlib, json, os, re, sys
d = sys.argv[1]
index = os.path.join(d, "index.html")
html = open(index, encoding="utf-8").read()
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
print(f"post-build: {len(urls)} files precached, version {version}")
PY
