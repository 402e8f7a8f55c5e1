//! Service worker glue: registers the worker and exposes "a new version is ready".

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/ui/sw_glue.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerServiceWorker)]
    fn register_service_worker(on_update_ready: &Closure<dyn Fn()>);
    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_update_js();
    /// Whether a service worker serves this page.
    pub fn controlled() -> bool;
}

/// Registers the worker; the returned signal turns true when a new build is waiting.
pub fn register() -> ReadSignal<bool> {
    let (ready, set_ready) = signal(false);
    let on_ready = Closure::<dyn Fn()>::new(move || set_ready.set(true));
    register_service_worker(&on_ready);
    // The callback must outlive this call: the worker may report an update at any time.
    on_ready.forget();
    ready
}

/// Activates the waiting worker and reloads once it has taken over.
pub fn apply_update() {
    apply_update_js();
}
