// The QR form of a share link (…#/M/…), written again here from its description in
// src/core/share/qr_form.rs so that the tests check the app against a second implementation:
// the payload's bytes, two at a time, as three of 41 characters, least significant first; an
// odd last byte as two.
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-:';

export function qrFormOf(link) {
  const at = link.indexOf('#/m/');
  if (at < 0) throw new Error(`not a share link: ${link}`);
  const bytes = Buffer.from(link.slice(at + 4), 'base64url');
  let text = '';
  for (let i = 0; i < bytes.length; i += 2) {
    let [value, digits] = i + 1 < bytes.length ? [bytes[i] * 256 + bytes[i + 1], 3] : [bytes[i], 2];
    for (let d = 0; d < digits; d++) {
      text += ALPHABET[value % 41];
      value = Math.floor(value / 41);
    }
  }
  return `${link.slice(0, at)}#/M/${text}`;
}
