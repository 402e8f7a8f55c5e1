// The browser's offer to install the app (Chrome and Edge, on Android and desktop): kept when
// it comes, so that a button can make it when the user asks. iPhones never make this offer;
// there, Home's erase warning says how to add the app to the Home Screen.
//
// The browser's own offer (Chrome's mini-infobar) is left alone: the event is only kept.
let offer = null;
const listeners = new Set();
const changed = () => listeners.forEach((f) => f());

window.addEventListener('beforeinstallprompt', (event) => {
  offer = event;
  changed();
});
window.addEventListener('appinstalled', () => {
  offer = null;
  changed();
});

export function canInstall() {
  return offer !== null;
}

export function onInstallChange(f) {
  listeners.add(f);
  return () => listeners.delete(f);
}

// Shows the browser's install dialog; resolves to its outcome ("accepted", "dismissed") or
// "unavailable". An offer can be made once: after either answer it is gone until the browser
// makes another.
export async function install() {
  const event = offer;
  if (!event) return 'unavailable';
  offer = null;
  changed();
  try {
    await event.prompt();
    const choice = await event.userChoice;
    return choice?.outcome || 'dismissed';
  } catch {
    return 'unavailable';
  }
}
