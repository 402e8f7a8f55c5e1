// Common Ground's service worker: precaches every file of the build and serves the app
// offline. scripts/post-process.py fills in the two placeholders below at build time.
const VERSION = '__CG_VERSION__';
// [url, cache mode] for every file, in the order they are precached: first the files a first
// visit has already loaded, then the page chunks. A file with a content hash in its name never
// changes, so the copy the browser already holds is the right one: 'force-cache' takes it from
// the HTTP cache without asking the server (the page has just downloaded most of them, and
// nothing is downloaded twice). index.html, the boot screen, the manifest and the icons keep their
// names from one version to the next: 'no-cache' asks the server (a 304 when unchanged), so a
// new version never precaches a stale copy.
const PRECACHE = __CG_PRECACHE__;
const CACHE = `cg-${VERSION}`;
// Where the page keeps a copy of each wasm file (and the share tables) it fetched before a worker
// controlled it.
const HANDED_OVER = 'cg-fetched';
// How many precache downloads run at once: two keep the line busy without crowding out what
// the user asks for.
const LANES = 2;

// What the page is fetching right now (src/ui/sw_glue.js tells): the precache waits while it is
// not empty, so the page the user tapped gets the whole line.
let busy = [];
let wake = [];
const idle = () =>
  busy.length === 0
    ? Promise.resolve()
    : // A page closed mid-fetch cannot say it is done: never wait on it for long.
      new Promise((resolve) => wake.push(resolve) && setTimeout(resolve, 10_000));

async function precache() {
  const cache = await caches.open(CACHE);
  const queue = PRECACHE.slice();
  const lane = async () => {
    while (queue.length) {
      await idle();
      const [url, mode] = queue.shift();
      // A hashed file the page has already downloaded (the start's script keeps the main module,
      // src/ui/sw_glue.js the chunks) is taken from
      // the copy it kept: no engine downloads it again, with or without an HTTP cache.
      const kept = mode === 'force-cache' && (await (await caches.open(HANDED_OVER)).match(url));
      const response = kept || (await fetch(new Request(url, { cache: mode })));
      if (!response.ok) throw new Error(`precache: ${url} answered ${response.status}`);
      // Navigations are answered with the shell, stored under one name.
      await cache.put(url === './' ? './index.html' : url, response);
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  // No skipWaiting here: a new version waits until the user taps "Reload", so a page is
  // never swapped under someone's hands mid-typing.
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('cg-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
  else if (event.data && event.data.busy) {
    busy = event.data.busy;
    if (busy.length === 0) wake.splice(0).forEach((resolve) => resolve());
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every route lives in the fragment, so every navigation is the app shell.
    event.respondWith(
      caches
        .open(CACHE)
        .then((cache) => cache.match('./index.html'))
        .then((shell) => shell || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request, { ignoreSearch: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
