//! One-tap due dates under a follow-up's date box — Today, Tomorrow, In a week, No date — so
//! that "I'll send it next week", said at an event with a glass in the other hand, is one tap
//! rather than a trip through the phone's date picker.

use crate::core::dates::add_days;
use crate::store::clock::today;
use leptos::prelude::*;

#[component]
pub fn DueChoices(due: RwSignal<String>) -> impl IntoView {
    let today = today();
    let choices: Vec<(&'static str, String)> = [
        ("Today", Some(0)),
        ("Tomorrow", Some(1)),
        ("In a week", Some(7)),
        ("No date", None),
    ]
    .into_iter()
    .filter_map(|(label, days)| match days {
        Some(n) => add_days(&today, n).map(|d| (label, d)),
        None => Some((label, String::new())),
    })
    .collect();
    view! {
        <div class="row due-choices">
            {choices
                .into_iter()
                .map(|(label, date)| {
                    let chosen = date.clone();
                    view! {
                        <button
                            type="button"
                            class="chip chip-toggle"
                            aria-pressed=move || due.with(|d| *d == chosen).to_string()
                            on:click=move |_| due.set(date.clone())
                        >
                            <span class="chip-label">{label}</span>
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
