//! Rust wrappers over the clipboard, the share sheet, WebCrypto and the screen wake lock (see
//! `share_glue.js`).

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/ui/share_glue.js")]
extern "C" {
    #[wasm_bindgen(js_name = copyText)]
    fn copy_text_js(text: &str, fallback: Option<web_sys::HtmlInputElement>) -> js_sys::Promise;
    #[wasm_bindgen(js_name = canShare)]
    pub fn can_share() -> bool;
    #[wasm_bindgen(js_name = share)]
    fn share_js(title: &str, url: &str, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = seal)]
    fn seal_js(
        plain: &[u8],
        passphrase: &str,
        salt: &[u8],
        iv: &[u8],
        iterations: u32,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = keepScreenOn)]
    fn keep_screen_on_js() -> js_sys::Promise;
    #[wasm_bindgen(js_name = letScreenSleep)]
    pub fn let_screen_sleep(lock: &JsValue);
    #[wasm_bindgen(js_name = unseal)]
    fn unseal_js(
        cipher: &[u8],
        passphrase: &str,
        salt: &[u8],
        iv: &[u8],
        iterations: u32,
    ) -> js_sys::Promise;
}

pub async fn copy_text(text: &str, fallback: Option<web_sys::HtmlInputElement>) -> bool {
    JsFuture::from(copy_text_js(text, fallback))
        .await
        .map(|v| v.as_bool().unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the share sheet with a link; false when it was closed or refused.
pub async fn share_url(title: &str, url: &str) -> bool {
    share(title, url, "").await
}

/// Opens the share sheet with `text`; false when it was closed or refused.
pub async fn share_text(title: &str, text: &str) -> bool {
    share(title, "", text).await
}

async fn share(title: &str, url: &str, text: &str) -> bool {
    JsFuture::from(share_js(title, url, text))
        .await
        .map(|v| v.as_bool().unwrap_or(false))
        .unwrap_or(false)
}

/// Asks the browser to keep the screen on; the lock to hand to [`let_screen_sleep`] (null
/// where there is no Wake Lock API or it was refused).
pub async fn keep_screen_on() -> JsValue {
    JsFuture::from(keep_screen_on_js())
        .await
        .unwrap_or(JsValue::NULL)
}

/// Encrypts with AES-GCM under a key derived from `passphrase`.
pub async fn seal(
    plain: &[u8],
    passphrase: &str,
    salt: &[u8],
    iv: &[u8],
    iterations: u32,
) -> Option<Vec<u8>> {
    let out = JsFuture::from(seal_js(plain, passphrase, salt, iv, iterations))
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&out).to_vec())
}

/// Decrypts; `None` for a wrong passphrase or a damaged ciphertext.
pub async fn unseal(
    cipher: &[u8],
    passphrase: &str,
    salt: &[u8],
    iv: &[u8],
    iterations: u32,
) -> Option<Vec<u8>> {
    let out = JsFuture::from(unseal_js(cipher, passphrase, salt, iv, iterations))
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&out).to_vec())
}

/// The page's address without its fragment: the base every share link is built on.
pub fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_string(),
        None => href,
    }
}
