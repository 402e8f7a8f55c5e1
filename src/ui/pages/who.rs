//! "Who shares this?": everyone whose interests include the same normalised key.

use crate::core::interest_key::InterestKey;
use crate::core::order;
use crate::store::AppState;
use crate::ui::components::person_list::PersonList;
use leptos::prelude::*;

#[component]
pub fn WhoPage(label: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = InterestKey::of(&label);
    let people = Signal::derive(move || {
        state.people.with(|people| {
            let mut found: Vec<_> = people
                .values()
                .filter(|p| p.interests.iter().any(|i| i.key() == key))
                .cloned()
                .collect();
            order::sort_by(&mut found, |a, b| a.name.cmp(&b.name));
            found
        })
    });
    view! {
        <h1>"Who shares this?"</h1>
        <p class="lead">{label.clone()}</p>
        <p class="muted">
            {move || match people.with(|p| p.len()) {
                0 => "Nobody you have met lists this yet.".to_string(),
                1 => "1 person".to_string(),
                n => format!("{n} people"),
            }}
        </p>
        <PersonList people=people />
    }
}
