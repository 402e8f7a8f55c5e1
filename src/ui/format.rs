//! Dates and times as the user's browser writes them.

/// A timestamp in the user's locale, e.g. "26 Nov 2026, 10:04".
pub fn date_time(millis: i64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis as f64));
    let s: String = d
        .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED)
        .into();
    s
}

/// The non-empty parts joined by `sep`, e.g. "2026-11-01 · Church hall" when the group is blank.
pub fn join_present<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    parts
        .iter()
        .map(AsRef::as_ref)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}
