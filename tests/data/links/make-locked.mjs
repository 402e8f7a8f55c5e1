// Seals a golden plaintext into a passphrase-locked link with the app's own WebCrypto code
// (src/ui/share_glue.js, run by Node's WebCrypto, the same AES-GCM and PBKDF2-SHA-256), then
// opens it again to check. Used once per format to make the locked golden links:
//
//   node tests/data/links/make-locked.mjs PLAIN.json OUT.json [PASSPHRASE]
//
// PLAIN.json holds {plaintext (base64url payload bytes), payload}; OUT.json gets {link,
// passphrase, plaintext, payload}. The salt and IV are fixed here only so that the file can be
// made again byte for byte; the app draws them at random.
import { readFileSync, writeFileSync } from 'node:fs';
import { seal, unseal } from '../../../src/ui/share_glue.js';

const [plainFile, outFile, given] = process.argv.slice(2);
const { plaintext, payload } = JSON.parse(readFileSync(plainFile, 'utf8'));
// Used as given, not folded: the app sealed with the passphrase exactly as typed until
// 2026-11-30 (`core::share::passphrase`).
const passphrase = given ?? 'correct horse battery staple';
const iterations = 200000;
const salt = Uint8Array.from({ length: 16 }, (_, i) => i * 7 + 1);
const iv = Uint8Array.from({ length: 12 }, (_, i) => 200 - i * 3);
const plain = Buffer.from(plaintext, 'base64url');
const cipher = await seal(plain, passphrase, salt, iv, iterations);
const leb = [];
for (let n = iterations; ; ) {
  const more = n >= 0x80;
  leb.push((n & 0x7f) | (more ? 0x80 : 0));
  n >>>= 7;
  if (!more) break;
}
// The envelope carries the version of the plaintext inside (its first byte), flag 2 = sealed.
const link = Buffer.from([plain[0], 2, ...leb, ...salt, ...iv, ...cipher]).toString('base64url');
const back = await unseal(cipher, passphrase, salt, iv, iterations);
if (Buffer.compare(Buffer.from(back), plain) !== 0) throw new Error('unseal did not give the plaintext back');
writeFileSync(outFile, JSON.stringify({ link, passphrase, plaintext, payload }, null, 2) + '\n');
console.log(outFile, link.length, 'characters');
