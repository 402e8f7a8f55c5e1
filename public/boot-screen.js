// Runs before any wasm (the CSP forbids inline scripts, so it is a file, loaded async from the
// head). For a shared map (#/m/…) the boot screen says a shared map is opening, and the files
// that draw a received map (its wasm chunks, listed in data-chunks by scripts/post-process.py,
// which may list data files such as codec tables too) start downloading as soon as the main
// module has arrived (boot.js says when), before the app asks for them. Not earlier: the main
// module reads the sender's name from the link (format 3) and says whose map is opening, and
// on a slow line files downloading beside it would only delay that.
(function () {
  if (location.hash.indexOf('#/m/') !== 0) return;
  var me = document.currentScript;
  var chunks = ((me && me.getAttribute('data-chunks')) || '').split(' ');
  function preload() {
    for (var i = 0; i < chunks.length; i++) {
      if (!chunks[i]) continue;
      var link = document.createElement('link');
      link.rel = 'preload';
      link.as = 'fetch';
      if (/\.wasm$/.test(chunks[i])) link.type = 'application/wasm';
      link.crossOrigin = 'anonymous';
      link.href = './' + chunks[i];
      document.head.appendChild(link);
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
