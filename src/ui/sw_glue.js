// Service worker registration and the "new version ready" hand-off. Plain JS because the
// ServiceWorker API is event-heavy and this is all the page needs of it.

export function registerServiceWorker(onUpdateReady) {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker
    .register('./sw.js')
    .then((reg) => {
      // A waiting worker only matters when one already controls the page: on a first visit
      // the new worker simply takes over, with nothing to reload.
      const notify = () => {
        if (reg.waiting && navigator.serviceWorker.controller) onUpdateReady();
      };
      notify();
      reg.addEventListener('updatefound', () => {
        const incoming = reg.installing;
        if (!incoming) return;
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
