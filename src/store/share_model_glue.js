// Fetches the share-link tables (dist/share-model-2.bin) as bytes; the service worker serves
// them from its precache offline. Rejects on any failure, which the caller treats as "not yet".
// A static host that answers a missing file with its index page (200, text/html) is a failure
// too: the core keeps the first tables it is given, so they must be the real ones.
export function fetchBytes(url) {
  return fetch(url).then((response) => {
    const type = response.headers.get('content-type') || '';
    if (!response.ok || type.includes('text/html')) throw new Error(`${url}: ${response.status} ${type}`);
    return response.arrayBuffer();
  }).then((buffer) => new Uint8Array(buffer));
}
