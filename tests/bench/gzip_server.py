#!/usr/bin/env python3
"""A static server that compresses like a real host: serves a directory (default dist/) on
127.0.0.1 with `Content-Encoding: gzip` (level 9, compressed once per file version) when the
client accepts it. Used by the benchmark's throttled first-visit figure; stdlib only.

    python3 tests/bench/gzip_server.py PORT [DIRECTORY]
"""
import gzip, http.server, os, sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "dist")
CACHE = {}  # path -> (mtime, size, gzipped bytes)
COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".wasm", ".json", ".webmanifest", ".svg", ".txt")


class Handler(http.server.SimpleHTTPRequestHandler):
    # Keep-alive, as real hosts do (every response carries a Content-Length).
    protocol_version = "HTTP/1.1"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript",
                      ".webmanifest": "application/manifest+json"}

    def __init__(self, *a, **kw):
        super().__init__(*a, directory=ROOT, **kw)

    def log_message(self, *a):
        pass

    def end_headers(self):
        # Like tests/e2e/server.py: the service worker, not the HTTP cache, decides reuse.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        self.serve(head=False)

    def do_HEAD(self):
        self.serve(head=True)

    def serve(self, head):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?")[0].split("#")[0].endswith("/") or not os.path.isfile(index):
                return super().do_HEAD() if head else super().do_GET()
            path = index
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and os.path.isfile(path) and path.endswith(COMPRESSIBLE)):
            return super().do_HEAD() if head else super().do_GET()
        try:
            st = os.stat(path)
            hit = CACHE.get(path)
            if not hit or hit[0] != st.st_mtime_ns or hit[1] != st.st_size:
                with open(path, "rb") as f:
                    hit = (st.st_mtime_ns, st.st_size, gzip.compress(f.read(), compresslevel=9, mtime=0))
                CACHE[path] = hit
        except OSError:
            return self.send_error(404)
        body = hit[2]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head:
            self.wfile.write(body)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 4521
    if len(sys.argv) > 2:
        ROOT = os.path.abspath(sys.argv[2])
    http.server.ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
