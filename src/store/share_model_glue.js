// Fetches the share-link tables (dist/share-model-2.bin) as bytes; the service worker serves
// them from its precache offline. Rejects on any failure, which the caller treats as "not yet".
export function fetchBytes(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.arrayBuffer();
  }).then((buffer) => new Uint8Array(buffer));
}
