//! The browser's offer to install the app, as a signal and an action (see `install_glue.js`).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/ui/install_glue.js")]
extern "C" {
    #[wasm_bindgen(js_name = canInstall)]
    fn can_install() -> bool;
    #[wasm_bindgen(js_name = onInstallChange)]
    fn on_install_change(f: &Closure<dyn Fn()>) -> js_sys::Function;
    #[wasm_bindgen(js_name = install)]
    fn install_js() -> js_sys::Promise;
}

/// Whether the browser offers to install the app now; follows the offer as it comes and goes
/// for as long as the calling component lives.
pub fn offered() -> ReadSignal<bool> {
    let (offered, set_offered) = signal(can_install());
    let listener = Closure::<dyn Fn()>::new(move || {
        set_offered.try_set(can_install());
    });
    let stop = on_install_change(&listener);
    // Leptos wants cleanups `Send`; these JS handles never leave the page's one thread.
    let handles = send_wrapper::SendWrapper::new((stop, listener));
    on_cleanup(move || {
        let (stop, _listener) = handles.take();
        let _ = stop.call0(&JsValue::NULL);
    });
    offered
}

/// Shows the browser's install dialog: whether the user accepted.
pub async fn install() -> bool {
    JsFuture::from(install_js())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .is_some_and(|outcome| outcome == "accepted")
}
