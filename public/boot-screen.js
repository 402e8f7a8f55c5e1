// Runs before any wasm, as the page is parsed (the CSP forbids inline scripts, so it is a file).
// For a shared map (#/m/…), the boot screen says so, and the wasm chunks that draw a received
// map (listed in data-chunks by scripts/post-build.py) start downloading at once, alongside
// the main module, instead of after it has started.
(function () {
  if (location.hash.indexOf('#/m/') !== 0) return;
  var me = document.currentScript;
  var boot = document.getElementById('boot');
  var lines = boot && boot.querySelectorAll('[data-boot]');
  if (lines && lines.length === 2) {
    lines[0].textContent = 'Opening a shared map…';
    lines[1].textContent =
      'Common Ground keeps the people you meet and the interests you share, on your phone only.';
    lines[1].hidden = false;
  }
  var chunks = ((me && me.getAttribute('data-chunks')) || '').split(' ');
  for (var i = 0; i < chunks.length; i++) {
    if (!chunks[i]) continue;
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.type = 'application/wasm';
    link.crossOrigin = 'anonymous';
    link.href = './' + chunks[i];
    document.head.appendChild(link);
  }
})();
