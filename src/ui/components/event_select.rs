//! Choosing one of my events from a list, newest first: "Met at" when saving someone, "Event"
//! among People's filters.

use crate::core::queries::newest_first;
use crate::store::clock::today;
use crate::store::AppState;
use crate::ui::format::event_with_date;
use leptos::prelude::*;

/// Every event, newest first, each with its date as people say it. `value` holds the chosen
/// event's id, or "" for the first option.
#[component]
pub fn EventSelect(
    label: &'static str,
    /// The first option's text (its value is ""): "No event", "Any event".
    none: &'static str,
    value: RwSignal<String>,
    /// One more option after the first, as `(value, text)`, such as a new event.
    #[prop(optional)]
    extra: Option<(&'static str, &'static str)>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    // What the options say, compared before they are drawn again: filing someone under an
    // event changes the events but none of these, and a save would otherwise rebuild every
    // option of a form that is about to go (100 options: 3 ms of a save with 5,000 people).
    let listed = Memo::new(move |_| {
        let today = today();
        state.events.with(|events| {
            newest_first(events.values())
                .into_iter()
                .map(|e| {
                    let text = event_with_date(&e.name, &e.date, &e.time, &today);
                    (e.id.0.clone(), text)
                })
                .collect::<Vec<_>>()
        })
    });
    // `selected` as well as `prop:value`: the value is set before the options exist.
    let options = move || {
        listed
            .get()
            .into_iter()
            .map(|(id, text)| {
                let chosen = value.get_untracked() == id;
                view! { <option value=id selected=chosen>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <select prop:value=move || value.get() on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="">{none}</option>
                {extra.map(|(v, text)| view! { <option value=v>{text}</option> })}
                {options}
            </select>
        </label>
    }
}
