//! Fetches the tables of share-link formats 2 and 3 for the share and received pages.
//!
//! The file is `share-model-2.bin`; the tables go to the core's share codec.
//!
//! Only those pages need the tables (about 40 KB), so Home's first visit never downloads them.
//! The request starts with the page's chunk and runs alongside it. Without the tables (offline
//! before the service worker cached them) the share page still makes format-1 links and the
//! received page still opens them; a format-2 link then asks to connect once.

use crate::core::share::{model_provided, provide_model, SHARE_MODEL_FILE};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/store/share_model_glue.js")]
extern "C" {
    #[wasm_bindgen(js_name = fetchBytes)]
    fn fetch_bytes(url: &str) -> js_sys::Promise;
}

/// A request for the tables, started now; `None` when they are already here.
pub fn start() -> Option<js_sys::Promise> {
    (!model_provided()).then(|| fetch_bytes(&format!("./{SHARE_MODEL_FILE}")))
}

/// Waits for a request from [`start`] and provides the tables to the codec; a failed request
/// is left for the next page visit to retry.
pub async fn finish(request: Option<js_sys::Promise>) {
    let Some(request) = request else {
        return;
    };
    if let Ok(bytes) = JsFuture::from(request).await {
        provide_model(js_sys::Uint8Array::new(&bytes).to_vec());
    }
}
