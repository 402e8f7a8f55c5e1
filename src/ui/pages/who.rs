//! "Who shares this?": everyone whose interests include the same normalised key, then who has
//! an interest close to it (a telling word in common), each with where they were last met.

use crate::core::model::Person;
use crate::core::plural::count;
use crate::core::queries::who_shares;
use crate::store::AppState;
use crate::ui::components::person_row::PersonRow;
use crate::ui::met::last_met_words;
use leptos::prelude::*;

#[component]
pub fn WhoPage(label: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let found = {
        let label = label.clone();
        Memo::new(move |_| {
            state.people.with(|people| {
                let found = who_shares(&label, people.values());
                let same: Vec<Person> = found.same.into_iter().cloned().collect();
                let close: Vec<(Person, String)> = found
                    .close
                    .into_iter()
                    .map(|(p, l)| (p.clone(), l))
                    .collect();
                (same, close)
            })
        })
    };
    let met = Memo::new(move |_| last_met_words(state));
    let at = move |p: &Person| met.with(|m| m.get(&p.id).cloned().unwrap_or_default());
    let people = Signal::derive(move || found.with(|f| f.0.clone()));
    let close = move || found.with(|f| f.1.clone());
    view! {
        <h1>"Who shares this?"</h1>
        <p class="lead">{label.clone()}</p>
        <p class="muted">
            {move || match people.with(|p| p.len()) {
                0 => "Nobody you have met lists this yet.".to_string(),
                n => count(n, "person", "people"),
            }}
        </p>
        <ul class="person-list">
            {move || {
                people
                    .get()
                    .into_iter()
                    .map(|p| {
                        let met = at(&p);
                        view! { <PersonRow person=p met=met /> }
                    })
                    .collect_view()
            }}
        </ul>
        <Show when=move || found.with(|f| !f.1.is_empty())>
            <h2>"Close to it"</h2>
            <ul class="person-list" aria-label="Close to it">
                {move || {
                    close()
                        .into_iter()
                        .map(|(p, theirs)| {
                            let met = at(&p);
                            view! { <PersonRow person=p why=theirs met=met /> }
                        })
                        .collect_view()
                }}
            </ul>
        </Show>
    }
}
