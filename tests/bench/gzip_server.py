#!/usr/bin/env python3
"""A static server that behaves like a real host: serves a directory (default dist/) on
127.0.0.1 with `Content-Encoding: gzip` (level 9, compressed once per file version) when the
client accepts it, with an ETag and Last-Modified on every file, answering a conditional
request whose validator still matches with 304 Not Modified. Used by the benchmark and by the
"nothing downloaded twice" tests; stdlib only.

    python3 tests/bench/gzip_server.py PORT [DIRECTORY]

It counts every byte it sends (status line, headers and body): `GET /__sent` answers
{"bytes": N, "requests": [[path, status, bytes], ...]} and `POST /__sent` starts again at 0.

A test can hold files back, as a slow line would: `POST /__hold?REGEX` makes every request
whose path matches wait (30 s at most) until `POST /__release`.
"""
import email.utils, gzip, http.server, json, os, re, sys, threading, urllib.parse

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "dist")
CACHE = {}  # path -> (mtime, size, gzipped bytes)
SENT = {"bytes": 0, "requests": []}
LOCK = threading.Lock()
HOLD = {"pattern": None, "released": threading.Event()}
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

    def setup(self):
        super().setup()
        # Count what goes out on the socket: everything a client is sent, headers included.
        raw = self.wfile

        handler = self

        class Counting:
            def write(self, b):
                if handler.counting:
                    with LOCK:
                        SENT["bytes"] += len(b)
                        handler.sent_here += len(b)
                return raw.write(b)

            def __getattr__(self, name):
                return getattr(raw, name)

        self.sent_here = 0
        self.counting = True
        self.wfile = Counting()

    def handle_one_request(self):
        self.sent_here = 0
        self.counting = True
        super().handle_one_request()
        path = getattr(self, "path", "")
        if self.sent_here and not path.startswith("/__sent"):
            with LOCK:
                SENT["requests"].append([path, getattr(self, "status", 0), self.sent_here])

    def send_response(self, code, message=None):
        self.status = code
        super().send_response(code, message)

    def do_POST(self):
        self.counting = False  # the test's own questions are not what a visitor is sent
        if self.path.startswith("/__hold?"):
            HOLD["released"].clear()
            HOLD["pattern"] = re.compile(urllib.parse.unquote(self.path.split("?", 1)[1]))
        elif self.path == "/__release":
            HOLD["pattern"] = None
            HOLD["released"].set()
        elif self.path == "/__sent":
            with LOCK:
                SENT["bytes"] = 0
                SENT["requests"] = []
        else:
            return self.send_error(404)
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def end_headers(self):
        # Like tests/e2e/server.py: the service worker, not the HTTP cache, decides reuse.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_GET(self):
        if self.path == "/__sent":
            self.counting = False
            with LOCK:
                body = json.dumps(SENT).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return self.wfile.write(body)
        held = HOLD["pattern"]
        if held is not None and held.search(self.path):
            HOLD["released"].wait(30)
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
        etag = f'"{st.st_mtime_ns:x}-{st.st_size:x}-gz"'
        if etag in [t.strip() for t in self.headers.get("If-None-Match", "").split(",")]:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", email.utils.formatdate(st.st_mtime, usegmt=True))
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
