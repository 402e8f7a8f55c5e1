// What a server sends on a first visit, against what it must send: every built file once,
// gzipped. Shared by the benchmark, the Chromium test (tests/e2e/first_visit.spec.mjs) and the
// cross-engine suite (tests/engines/), which all serve dist/ with tests/bench/gzip_server.py:
// gzip, ETag and Last-Modified like a real static host, and a count of every byte it sends.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** At most this many times the gzip size of every built file, headers included. */
export const FIRST_VISIT_SENT_RATIO = 1.03;

function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    if (e.name.startsWith('.')) return []; // trunk's .stage/ during a build
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : [full];
  });
}

/** Every file of the build, gzipped at level 9: the least a first visit can be sent. */
export function everyFileGzip(dist) {
  const files = walk(dist).map((full) => ({
    file: path.relative(dist, full).split(path.sep).join('/'),
    gzip: zlib.gzipSync(fs.readFileSync(full), { level: 9 }).length,
  }));
  return { files, total: files.reduce((s, f) => s + f.gzip, 0) };
}

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function call(base, method, url) {
  return new Promise((resolve, reject) => {
    const req = http.request(base + url.replace(/^\//, ''), { method }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Serves `dist` with tests/bench/gzip_server.py on `port` (or a free one). */
export async function startGzipServer(dist, port) {
  port = port || (await freePort());
  const child = spawn('python3', [path.join(HERE, 'gzip_server.py'), String(port), dist], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const base = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`gzip_server.py exited: ${stderr.trim().split('\n').pop()}`);
    const ok = await call(base, 'GET', '/__sent').then((r) => r.status === 200, () => false);
    if (ok) {
      return {
        base,
        child,
        /** { bytes, requests: [[path, status, bytes], ...] } since the start or the last reset. */
        sent: async () => JSON.parse((await call(base, 'GET', '/__sent')).body),
        reset: () => call(base, 'POST', '/__sent'),
        /** Requests whose path matches `pattern` (a regular expression's source) wait until `release`. */
        hold: (pattern) => call(base, 'POST', `/__hold?${encodeURIComponent(pattern)}`),
        release: () => call(base, 'POST', '/__release'),
        stop: () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill()))),
      };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`gzip_server.py did not answer on ${base}`);
}

/** Waits until the server has sent nothing new for `quietMs`, then returns what it sent. */
export async function settled(server, quietMs = 1500, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last = await server.sent();
  let since = Date.now();
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    const now = await server.sent();
    if (now.bytes !== last.bytes) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) return now;
  }
  return last;
}

/** A readable verdict: the total against the floor, and any file sent more than once. */
export function firstVisitReport(sent, floor) {
  const perFile = new Map();
  let again = 0; // bytes of second (and later) full copies of a file
  for (const [p, status, bytes] of sent.requests) {
    const file = decodeURIComponent(p.split('?')[0].replace(/^\//, '')) || 'index.html';
    const f = perFile.get(file) || { file, bodies: 0, bytes: 0, statuses: [] };
    f.bytes += bytes;
    f.statuses.push(status);
    if (status === 200) {
      f.bodies += 1;
      if (f.bodies > 1) again += bytes;
    }
    perFile.set(file, f);
  }
  const twice = [...perFile.values()].filter((f) => f.bodies > 1).map((f) => `${f.file} (${f.statuses.join(', ')})`);
  const ratio = sent.bytes / floor.total;
  const largest = sent.requests
    .slice()
    .sort((a, b) => b[2] - a[2])
    .slice(0, 40)
    .map(([p, status, bytes]) => `${p} ${status} ${bytes}`);
  return {
    largest,
    again,
    twiceFiles: [...perFile.values()].filter((f) => f.bodies > 1).map((f) => f.file),
    bytes: sent.bytes,
    floor: floor.total,
    ratio,
    requests: sent.requests.length,
    twice,
    ok: ratio <= FIRST_VISIT_SENT_RATIO,
    text:
      `${sent.bytes.toLocaleString('en-GB')} B sent in ${sent.requests.length} responses, ` +
      `${ratio.toFixed(3)}× every built file once gzipped (${floor.total.toLocaleString('en-GB')} B; limit ${FIRST_VISIT_SENT_RATIO}×)` +
      (twice.length ? `; sent twice: ${twice.join('; ')}` : ''),
  };
}
