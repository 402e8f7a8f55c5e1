//! What kind of phone and window the app runs in: an iPhone or iPad, and whether it was opened
//! from the Home Screen (where iOS gives it storage of its own, apart from Safari's).

use wasm_bindgen::JsValue;

/// iPhone, iPad or iPod (an iPad asking for the desktop site says "Macintosh" but has touch).
pub fn is_ios() -> bool {
    let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let ua = nav.user_agent().unwrap_or_default();
    ["iPhone", "iPad", "iPod"].iter().any(|d| ua.contains(d))
        || (ua.contains("Macintosh") && nav.max_touch_points() > 1)
}

/// Opened from the Home Screen rather than in a browser tab.
pub fn is_standalone() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let apple = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
        .map(|v| v.as_bool() == Some(true))
        .unwrap_or(false);
    apple
        || window
            .match_media("(display-mode: standalone)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
}
