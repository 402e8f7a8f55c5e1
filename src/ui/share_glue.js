// The share screen's calls into the browser: the clipboard (with a fallback where it is
// refused), the system share sheet, AES-GCM under a PBKDF2 key through WebCrypto, and the
// screen wake lock while a code is shown full screen.
// web-sys has stable bindings for all three (no unstable flag needed). They are written here
// because the fallbacks and promise handling are a few lines of JavaScript, where Rust would
// need several more web-sys features (Clipboard, ShareData, SubtleCrypto and its parameter
// types).

export async function copyText(text, fallbackInput) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch (_) {
    // Older browsers and insecure contexts: select the read-only field and copy from it.
    if (!fallbackInput) return false;
    fallbackInput.focus();
    fallbackInput.select();
    try {
      return document.execCommand('copy');
    } catch (_) {
      return false;
    }
  }
}

export function canShare() {
  return typeof navigator.share === 'function';
}

// A link when `url` is given, else `text`: the share sheet offers a link to browsers and
// messages, and text to notes and mail.
export async function share(title, url, text) {
  try {
    await navigator.share(url ? { title, url } : { title, text });
    return true;
  } catch (_) {
    return false;
  }
}

async function deriveKey(passphrase, salt, iterations) {
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations, hash: 'SHA-256' },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export async function seal(plain, passphrase, salt, iv, iterations) {
  const key = await deriveKey(passphrase, salt, iterations);
  return new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
}

// Rejects when the passphrase is wrong (AES-GCM's tag does not verify).
export async function unseal(cipher, passphrase, salt, iv, iterations) {
  const key = await deriveKey(passphrase, salt, iterations);
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, cipher));
}

// Keeps the screen on while a code is shown full screen (the other phone's camera can take a
// while); resolves to the lock, or null where the Wake Lock API is missing or refused.
export async function keepScreenOn() {
  try {
    return (await navigator.wakeLock?.request('screen')) ?? null;
  } catch (_) {
    return null;
  }
}

export function letScreenSleep(lock) {
  lock?.release().catch(() => {});
}
