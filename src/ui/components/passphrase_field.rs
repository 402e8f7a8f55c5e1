//! A passphrase box, as the share screen's lock and a locked link's page both ask for one: said
//! aloud and typed on two phones, so no capitals or spelling fixes from the keyboard (and the
//! key is made from it folded anyway: `core::share::passphrase`).

use leptos::prelude::*;

#[component]
pub fn PassphraseField(label: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input
                type="text"
                autocomplete="off"
                autocapitalize="none"
                spellcheck="false"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}
