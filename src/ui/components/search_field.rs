//! A labelled search box. The label is tied by `for`, not wrapped around the box: WebKit names
//! a wrapped search box after its placeholder and clear button as well ("Search Name,
//! interest, note, event… cancel"), which is what VoiceOver would read.

use crate::ui::components::field::unique_id;
use leptos::prelude::*;

#[component]
pub fn SearchField(
    label: &'static str,
    placeholder: &'static str,
    value: RwSignal<String>,
    /// Enter (the keyboard's "Search" key) puts the keyboard away, for a box whose results
    /// follow each key: they are under the keyboard. In a form, leave Enter to send it.
    #[prop(optional)]
    enter_hides_keyboard: bool,
) -> impl IntoView {
    let id = unique_id("search");
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if enter_hides_keyboard && ev.key() == "Enter" {
            ev.prevent_default();
            let _ = event_target::<web_sys::HtmlElement>(&ev).blur();
        }
    };
    view! {
        <div class="field">
            <label class="field-label" for=id.clone()>{label}</label>
            <input
                id=id
                type="search"
                // The browser's list of earlier searches would cover the results as they change.
                autocomplete="off"
                enterkeyhint="search"
                placeholder=placeholder
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:keydown=keydown
            />
        </div>
    }
}
