// Reads the in-page probes without touching the page while it is being measured.
//
// Playwright's page.waitForFunction injects its own script (some 25 ms of main thread at 4× CPU)
// into every new document the first time it is called there. Called right after a navigation,
// as the bench used to, that injection ran in the middle of the start being measured and slowed
// it: a bare counter's offline start at 4× CPU measured 109 ms that way and 65 ms without
// (2026-11-30, same build, one run of seven each). So each probe reports every change of its
// record as a console message, the bench waits on those messages (DevTools console events:
// nothing runs in the page), and reads the page only once the figure is complete.

/** In the page: `window[name]`, a record whose every change is sent to the console as
 * `name JSON`. Serialised into each probe's init script by `withReports`. */
function report(name, record) {
  return (window[name] = new Proxy(record, {
    set(t, k, v) {
      t[k] = v;
      console.debug(name + ' ' + JSON.stringify(t));
      return true;
    },
  }));
}

/** The init script that runs `probe(arg, report)` in every new document (for
 * `context.addInitScript`). Plain source text put together here: no eval in the page. */
export function withReports(probe, arg) {
  return `(${probe})(${JSON.stringify(arg ?? null)}, ${report});`;
}

/** Keeps, for each page of `context`, the last record its probe reported under `tag`. */
export function trackProbe(context, tag) {
  const watch = (page) => {
    page.on('console', (msg) => {
      const text = msg.text();
      if (!text.startsWith(tag + ' ')) return;
      try {
        (page.__probes ||= {})[tag] = JSON.parse(text.slice(tag.length + 1));
      } catch {
        // not one of ours
      }
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
}

/** Forgets what the page's probes reported (before a reload: the next document reports anew). */
export function forgetProbe(page) {
  page.__probes = {};
}

/** Waits, on the probe's console reports alone, until `done(record)`; then reads the record
 * from the page itself (`read`, which also tells a stale report of the last document from this
 * one's). Afterwards Playwright's script is injected, as waitForFunction used to, so that the
 * bench's later steps do not inject it in the middle of a later measurement. */
export async function waitForProbe(page, tag, done, read, timeout) {
  const deadline = Date.now() + timeout;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`the probe gave up after ${timeout / 1000} s: ${JSON.stringify(page.__probes?.[tag] ?? null)}`);
    const seen = page.__probes?.[tag];
    if (seen && done(seen)) {
      const record = await page.evaluate(read);
      if (record && done(record)) {
        await page.waitForFunction(() => true);
        return record;
      }
      forgetProbe(page); // a report from the document before: wait for this one's
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
