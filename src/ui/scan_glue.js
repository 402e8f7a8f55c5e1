// The camera for the scan screen: the rear camera by getUserMedia, the browser's own
// BarcodeDetector where there is one, and greyscale frames for the Rust decoder elsewhere.

// 'ok', or why not: 'refused', 'absent' or 'busy'.
export async function startCamera(video) {
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return 'absent';
  try {
    const stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
      audio: false,
    });
    video.muted = true;
    video.setAttribute('playsinline', '');
    video.srcObject = stream;
    await video.play();
    return 'ok';
  } catch (e) {
    const name = e && e.name;
    if (name === 'NotAllowedError' || name === 'SecurityError') return 'refused';
    if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
    return 'absent';
  }
}

export function stopCamera(video) {
  const stream = video && video.srcObject;
  if (stream) stream.getTracks().forEach((t) => t.stop());
  if (video) video.srcObject = null;
}

// The rear camera's track, while it runs.
function track(video) {
  const stream = video && video.srcObject;
  return stream ? stream.getVideoTracks()[0] : null;
}

// Whether the camera has a light the page may switch (Chrome on Android): a badge in a dim hall.
export function hasTorch(video) {
  const t = track(video);
  try {
    return !!(t && t.getCapabilities && t.getCapabilities().torch);
  } catch (_) {
    return false;
  }
}

// Switches the camera's light; false when the camera refused.
export async function setTorch(video, on) {
  const t = track(video);
  if (!t) return false;
  try {
    await t.applyConstraints({ advanced: [{ torch: on }] });
    return true;
  } catch (_) {
    return false;
  }
}

// A short buzz where the phone has one (not an iPhone): the code was read, look at the screen.
export function buzz() {
  try {
    if (navigator.vibrate) navigator.vibrate(30);
  } catch (_) {
    // A browser that refuses (no tap yet, a setting): the screen says it anyway.
  }
}

let detector = null;

// The texts the browser's detector reads in the current frame, or null without a detector.
export async function detect(video) {
  if (!('BarcodeDetector' in window)) return null;
  try {
    detector = detector || new window.BarcodeDetector({ formats: ['qr_code'] });
    return (await detector.detect(video)).map((c) => c.rawValue);
  } catch (_) {
    return null;
  }
}

let canvas = null;

// The current frame in grey, one byte a pixel, at most 640 px on its long side:
// { width, height, luma } or null before the first frame.
export function grabFrame(video) {
  const w0 = video.videoWidth;
  const h0 = video.videoHeight;
  if (!w0 || !h0) return null;
  const scale = Math.min(1, 640 / Math.max(w0, h0));
  const width = Math.round(w0 * scale);
  const height = Math.round(h0 * scale);
  canvas = canvas || document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.drawImage(video, 0, 0, width, height);
  const rgba = ctx.getImageData(0, 0, width, height).data;
  const luma = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < luma.length; i += 4, j++) {
    luma[j] = (rgba[i] * 77 + rgba[i + 1] * 150 + rgba[i + 2] * 29) >> 8;
  }
  return { width, height, luma };
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
