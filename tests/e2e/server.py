#!/usr/bin/env python3
"""Static server for the end-to-end tests: dist/ at "/" and again at the sub-paths "/a/b/" and
"/update/", like a static host would serve it, plus two test-only switches:
  POST /__bump      serve /update/sw.js with one byte more, as if a new version were deployed
  POST /__reset     undo the bump
The bump only touches the "/update/" copy, so a test of updates cannot disturb the tests that
run beside it in another worker. Binds to 127.0.0.1 only."""
import http.server, os, sys

ROOT = os.environ.get("DIST") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "dist")
SUBPATHS = ("/a/b", "/update")
UPDATE_PATH = "/update/sw.js"
state = {"bump": 0}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".js": "text/javascript",
                      ".webmanifest": "application/manifest+json"}

    def __init__(self, *a, **kw):
        super().__init__(*a, directory=ROOT, **kw)

    def log_message(self, *a):
        pass

    def end_headers(self):
        # Tests must see what the service worker does, not the HTTP cache.
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def do_POST(self):
        if self.path in ("/__bump", "/__reset"):
            state["bump"] = state["bump"] + 1 if self.path == "/__bump" else 0
            self.send_response(204)
            self.end_headers()
        else:
            self.send_error(404)

    def translate_path(self, path):
        for sub in SUBPATHS:
            if path.startswith(sub + "/"):
                path = path[len(sub):]
                break
            if path == sub:
                path = "/"
                break
        return super().translate_path(path)

    def do_GET(self):
        bare = self.path.split("?")[0].split("#")[0]
        if bare == UPDATE_PATH and state["bump"]:
            body = open(os.path.join(ROOT, "sw.js"), "rb").read() + b"\n// bump %d\n" % state["bump"]
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        # A test that closes its page while a file is still downloading (a received map's
        # chunks, the precache) hangs up on us: not an error of the server, and a traceback
        # each time buried what a failing test printed.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 4510
    Server(("127.0.0.1", port), Handler).serve_forever()
