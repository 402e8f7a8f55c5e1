//! Dates and times as the user's browser writes them.

/// A timestamp in the user's locale, e.g. "26 Nov 2026, 10:04".
pub fn date_time(millis: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    let s: String = d
        .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into();
    s
}
