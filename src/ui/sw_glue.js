// Service worker registration and the "new version ready" hand-off. Plain JS because the
// ServiceWorker API is event-heavy and this is all the page needs of it.

// What the page is fetching right now, by URL: from the call to fetch() (the wasm chunk
// loader's and wasm-bindgen's) until the body has arrived (its resource-timing entry). The
// service worker's precache must not compete with the page the user has just tapped: it is
// registered only once the page is quiet, and while it installs it is told whenever the page
// is busy, and waits.
const pending = new Set();
// Copies on their way to the service worker's hand-over cache (below): busy too.
const storing = new Set();
const busy = () => [...pending, ...storing];
const onChange = [];
// Listeners must never break the page's own fetch: whatever they throw is dropped.
const changed = () =>
  onChange.forEach((f) => {
    try {
      f();
    } catch {
      // nothing to tell
    }
  });
if (typeof PerformanceObserver === 'function' && typeof window.fetch === 'function') {
  const pageFetch = window.fetch;
  const done = (url) => pending.delete(url) && changed();
  // Files whose copy for the service worker is made (or under way).
  const kept = new Set();
  window.fetch = function (input, init) {
    let url = input instanceof Request ? input.url : String(input);
    try {
      url = new URL(url, location.href).href;
    } catch {
      return pageFetch.call(this, input, init); // fetch() itself says what is wrong with it
    }
    // Fetched early for a shared map (public/boot-screen.js, through this wrapper or, when it
    // ran first, without it): the app's own fetch takes that answer, once, instead of
    // downloading the file again.
    const early = window.cgEarly?.get(url);
    if (early) window.cgEarly.delete(url);
    // And once the app has asked for a file, boot-screen.js no longer fetches it early.
    (window.cgAsked = window.cgAsked || new Set()).add(url);
    pending.add(url);
    changed();
    // Never wait on one for ever (a body nobody reads has no timing entry).
    setTimeout(() => done(url), 30_000);
    const before = performance.getEntriesByName(url).length;
    const answer = early || pageFetch.call(this, input, init);
    // On a first visit, a copy of each chunk (and of the share tables) goes to the cache the
    // service worker precaches from, so it is not downloaded a second time (some engines,
    // WebKit's among them, may have no HTTP cache to take it from). Once a worker controls the
    // page it has every chunk. One copy per file (an early answer may pass here twice), but a
    // failed fetch leaves the file free to be copied when a retry brings it.
    if (!navigator.serviceWorker?.controller && /\.(wasm|bin)$/.test(url) && !kept.has(url)) {
      kept.add(url);
      storing.add(url);
      answer
        .then((response) => {
          const copy = response.ok && response.clone();
          if (!copy) kept.delete(url);
          return copy && caches.open('cg-fetched').then((c) => c.put(url, copy));
        })
        .catch(() => kept.delete(url))
        .then(() => storing.delete(url) && changed());
    }
    // A fetch that takes an answer already complete (fetched early) gets no timing entry of its
    // own: its body is in memory already.
    answer.then(() => before > 0 && done(url), () => done(url));
    return answer;
  };
  try {
    new PerformanceObserver((list) => list.getEntries().forEach((e) => done(e.name))).observe({ type: 'resource' });
  } catch {
    pending.clear();
    storing.clear();
    window.fetch = pageFetch;
  }
}

// Resolves once the page has loaded and nothing has been fetching for half a second (the
// chunk loader fetches a page's shared chunks, then the page's own: a short gap), or after
// 15 s at the latest.
function quiet() {
  return new Promise((resolve) => {
    const start = () => {
      const latest = setTimeout(finish, 15_000);
      let timer = null;
      function check() {
        clearTimeout(timer);
        if (busy().length === 0) timer = setTimeout(finish, 500);
      }
      function finish() {
        clearTimeout(timer);
        clearTimeout(latest);
        onChange.splice(onChange.indexOf(check) >>> 0, 1);
        resolve();
      }
      onChange.push(check);
      check();
    };
    if (document.readyState === 'complete') start();
    else addEventListener('load', start, { once: true });
  });
}

// Whether a service worker serves this page (every file comes from its cache, not the line).
export function controlled() {
  return !!navigator.serviceWorker?.controller;
}

export function registerServiceWorker(onUpdateReady) {
  if (!('serviceWorker' in navigator)) return;
  // A returning visitor's page is already controlled: nothing to wait for.
  const when = navigator.serviceWorker.controller ? Promise.resolve() : quiet();
  when
    .then(() => navigator.serviceWorker.register('./sw.js'))
    .then((reg) => {
      // A browser (or a test) that blocks workers resolves with nothing.
      if (!reg) return;
      // Tell an installing worker whenever the page starts or stops fetching.
      const tell = () => {
        if (reg.installing) reg.installing.postMessage({ busy: busy() });
      };
      onChange.push(tell);
      tell();
      // A waiting worker only matters when one already controls the page: on a first visit
      // the new worker simply takes over, with nothing to reload.
      const notify = () => {
        if (reg.waiting && navigator.serviceWorker.controller) onUpdateReady();
      };
      notify();
      reg.addEventListener('updatefound', () => {
        const incoming = reg.installing;
        if (!incoming) return;
        tell();
        incoming.addEventListener('statechange', () => {
          if (incoming.state === 'installed') notify();
        });
      });
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') reg.update().catch(() => {});
      });
    })
    .catch(() => {});
}

export function applyUpdate() {
  navigator.serviceWorker.getRegistration().then((reg) => {
    if (!reg || !reg.waiting) {
      location.reload();
      return;
    }
    navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), {
      once: true,
    });
    reg.waiting.postMessage('skip-waiting');
  });
}
