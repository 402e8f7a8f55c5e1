//! Moving focus through a form's fields, so Enter on a phone's keyboard goes to the next field
//! rather than submitting the form by surprise.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// The fields Enter moves between: those one types into. Menus are skipped: focusing one does
/// not open it, so the keyboard would close for nothing.
const FIELDS: &str = "input:not([type=hidden]):not([type=checkbox]):not([type=radio]):not([type=file]):not([type=search]):not([disabled]), textarea";

/// Focuses the field after `current` in its form (or page); with none after it, closes the
/// keyboard by leaving the field.
pub fn focus_next_field(current: &HtmlElement) {
    let root = current.closest("form, main").ok().flatten();
    let next = root.and_then(|root| {
        let list = root.query_selector_all(FIELDS).ok()?;
        let fields: Vec<HtmlElement> = (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
            .collect();
        let node: &web_sys::Node = current.as_ref();
        let at = fields.iter().position(|f| f.is_same_node(Some(node)))?;
        // A field inside a closed "Contact details" has no layout box and cannot take focus.
        fields
            .into_iter()
            .skip(at + 1)
            .find(|f| f.offset_parent().is_some())
    });
    match next {
        Some(field) => {
            let _ = field.focus();
        }
        None => {
            let _ = current.blur();
        }
    }
}

/// Focuses the first field in `main` matching `selector` (e.g. "Name" on opening quick add).
pub fn focus_first(selector: &str) {
    let found: Option<Element> = leptos::prelude::document()
        .query_selector(selector)
        .ok()
        .flatten();
    if let Some(field) = found.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = field.focus();
    }
}
