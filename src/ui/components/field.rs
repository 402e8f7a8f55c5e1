//! A labelled text field that checks its limit as you type and says so inline, never cutting
//! what was typed; Enter in a one-line field moves to the next field.

use crate::core::limits::over_limit;
use crate::core::model::typed_interests;
use leptos::prelude::*;
use leptos::tachys::html::attribute::custom::custom_attribute;
use std::sync::atomic::{AtomicUsize, Ordering};

static NEXT_ID: AtomicUsize = AtomicUsize::new(0);

/// A unique DOM id, for tying a message to its field with `aria-describedby`.
pub fn unique_id(prefix: &str) -> String {
    format!("{prefix}-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

#[component]
pub fn TextField(
    label: &'static str,
    value: RwSignal<String>,
    #[prop(default = 0)] max: usize,
    #[prop(optional)] multiline: bool,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] placeholder: &'static str,
    /// Off unless the field is about the user: a phone offers its owner's name, number and
    /// email to any field that looks like one, and here most are about someone else.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The form field's name, for a page that must find the field again (to focus it).
    #[prop(optional)]
    name: Option<&'static str>,
    /// "words" for a name: phones then capitalise each word, as names are written; "none" for
    /// a handle or an address. Either way the keyboard's corrections are off: a phone would
    /// turn "Priya" into "Pray" and "@meg.runs" into "@Meg.runs".
    #[prop(optional)]
    autocapitalize: Option<&'static str>,
    /// What the phone's Enter key says: "next" moves to the next field, "done" (the last
    /// field) closes the keyboard. Enter never submits a form.
    #[prop(default = "next")]
    enterkeyhint: &'static str,
    /// What Enter does instead of moving on, for a field that is a form of its own (the quick
    /// map's "Add interest" adds what was typed).
    #[prop(optional_no_strip)]
    on_enter: Option<Callback<()>>,
    /// Interests typed as a list ("Running, baking"): `max` is the limit of each one.
    #[prop(optional)]
    list: bool,
) -> impl IntoView {
    let message_id = unique_id("field-msg");
    let message = move || {
        (max > 0)
            .then(|| {
                value.with(|v| match list {
                    true => typed_interests(v)
                        .iter()
                        .find_map(|i| over_limit("An interest", i, max)),
                    false => over_limit(label, v, max),
                })
            })
            .flatten()
    };
    let described = {
        let id = message_id.clone();
        move || message().map(|_| id.clone())
    };
    let as_typed = autocapitalize.map(|_| "off");
    let input = if multiline {
        view! {
            <textarea
                rows="4"
                name=name
                placeholder=placeholder
                aria-describedby=described.clone()
                aria-invalid=move || message().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type=kind
                name=name
                placeholder=placeholder
                autocomplete=autocomplete
                autocapitalize=autocapitalize
                spellcheck=as_typed.map(|_| "false")
                enterkeyhint=enterkeyhint
                aria-describedby=described.clone()
                aria-invalid=move || message().map(|_| "true")
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        ev.prevent_default();
                        match on_enter {
                            Some(enter) => enter.run(()),
                            None => {
                                let field = event_target::<web_sys::HtmlElement>(&ev);
                                crate::ui::focus::focus_next_field(&field);
                            }
                        }
                    }
                }
            />
        }
        // Safari's own attribute, which the view macro does not know.
        .add_any_attr(custom_attribute("autocorrect", as_typed))
        .into_any()
    };
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            {input}
        </label>
        {move || message().map(|m| view! { <p class="field-error" id=message_id.clone()>{m}</p> })}
    }
}
