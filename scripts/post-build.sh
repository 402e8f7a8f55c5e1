#!/bin/sh
# Trunk post_build hook (runs in the staging dir before it becomes dist/).
# 1. The Content-Security-Policy forbids inline scripts: fail if one is in index.html. Then
#    preload links for the main module and its JS glue go into index.html.
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
# Preload what boot.js will ask for, so the main module and its glue download alongside
# boot.js instead of one round trip after another (150 ms each on a slow phone network).
boot = open(os.path.join(d, "boot.js"), encoding="utf-8").read()
wanted = re.findall(r"\./([\w.-]+\.(?:js|wasm))", boot)
wanted += [n for n in sorted(os.listdir(d)) if n.startswith("__wasm_split-") and n.endswith(".js")]
links = "".join(
    f'    <link rel="preload" href="./{n}" as="fetch" type="application/wasm" crossorigin="anonymous" />\n'
    if n.endswith(".wasm") else f'    <link rel="modulepreload" href="./{n}" />\n'
    for n in wanted
)
if "rel=\"modulepreload\"" not in html:
    html = html.replace("  </head>", links + "  </head>", 1)
    open(index, "w", encoding="utf-8").write(html)
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
