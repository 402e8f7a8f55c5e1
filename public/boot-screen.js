// Runs before any wasm (the CSP allows no inline script but the main module's hashed early
// fetch, so it is a file, loaded async from the head). For a shared map (#/m/…, or #/M/… from a QR code) the boot screen says a shared map
// is opening, and the files that draw a received map (its wasm chunks, listed in data-chunks
// by scripts/post-process.py, which may list data files such as codec tables too) start
// downloading as soon as the main module has arrived (boot.js says when), before the app asks
// for them. Not earlier: the main module reads the sender's name from the link (format 3) and
// says whose map is opening, and on a slow line files downloading beside it would only delay
// that.
//
// They are fetched, not <link rel="preload">ed: WebKit (every browser on an iPhone) never
// hands a preloaded response to the app's later fetch() and downloaded each file twice. The
// responses wait in window.cgEarly (URL → promise) and the app's fetch() takes them from there
// (src/ui/sw_glue.js).
(function () {
  if (!/^#\/[mM]\//.test(location.hash)) return;
  var me = document.currentScript;
  var chunks = ((me && me.getAttribute('data-chunks')) || '').split(' ');
  function preload() {
    if (typeof window.fetch !== 'function' || typeof Map !== 'function') return;
    var early = (window.cgEarly = window.cgEarly || new Map());
    for (var i = 0; i < chunks.length; i++) {
      if (!chunks[i]) continue;
      var url = new URL('./' + chunks[i], location.href).href;
      // The app got there first (it asks for all of them at once): it is fetching them.
      if (window.cgAsked && window.cgAsked.has(url)) continue;
      var answer = window.fetch(url);
      // Nobody may ever ask (a damaged link): a failure here is the app's to report, not ours.
      answer.catch(function () {});
      early.set(url, answer);
    }
  }
  if (window.cgMainArrived) preload();
  else document.addEventListener('cg-main-arrived', preload, { once: true });
  function say() {
    var boot = document.getElementById('boot');
    var lines = boot ? boot.querySelectorAll('[data-boot]') : [];
    if (lines.length !== 2) return;
    lines[0].textContent = 'Opening a shared map…';
    lines[1].textContent =
      'Common Ground keeps the people you meet and the interests you share, on your phone only.';
    lines[1].hidden = false;
  }
  if (document.getElementById('boot')) say();
  else document.addEventListener('DOMContentLoaded', say);
})();
