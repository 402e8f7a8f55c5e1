//! "Who shares this?": everyone whose interests include the same normalised key, then who has
//! an interest close to it (a telling word in common).

use crate::core::interest_key::InterestKey;
use crate::core::model::{CategoryId, Interest, Person};
use crate::core::order;
use crate::core::overlap::near_interests;
use crate::store::AppState;
use crate::ui::components::person_list::PersonList;
use crate::ui::components::person_row::PersonRow;
use leptos::prelude::*;

#[component]
pub fn WhoPage(label: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let key = InterestKey::of(&label);
    let people = {
        let key = key.clone();
        Signal::derive(move || {
            state.people.with(|people| {
                let mut found: Vec<_> = people
                    .values()
                    .filter(|p| p.interests.iter().any(|i| i.key() == key))
                    .cloned()
                    .collect();
                order::sort_by(&mut found, |a, b| a.name.cmp(&b.name));
                found
            })
        })
    };
    // The category plays no part in nearness.
    let this = [Interest::new(label.clone(), CategoryId::new("other"))];
    let close = Memo::new(move |_| {
        state.people.with(|people| {
            let mut found: Vec<(Person, String)> = people
                .values()
                .filter(|p| !p.interests.iter().any(|i| i.key() == key))
                .filter_map(|p| {
                    near_interests(&this, &p.interests)
                        .into_iter()
                        .next()
                        .map(|n| (p.clone(), n.theirs.label))
                })
                .collect();
            order::sort_by(&mut found, |a, b| a.0.name.cmp(&b.0.name));
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
        <Show when=move || close.with(|c| !c.is_empty())>
            <h2>"Close to it"</h2>
            <ul class="person-list" aria-label="Close to it">
                {move || {
                    close
                        .get()
                        .into_iter()
                        .map(|(p, theirs)| view! { <PersonRow person=p why=theirs /> })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}
