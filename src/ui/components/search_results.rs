//! People found by a search: each a link to their page with what they do, where they were last
//! met, and why they matched ("interest: Running", "note: …hates running…").

use super::person_row::PersonRow;
use crate::core::model::Person;
use leptos::prelude::*;

#[component]
pub fn SearchResults(
    /// Each person with the reason they matched (empty when there is no query) and where they
    /// were last met.
    #[prop(into)]
    found: Signal<Vec<(Person, String, String)>>,
) -> impl IntoView {
    view! {
        <ul class="person-list">
            <For
                each=move || found.get()
                key=|(p, why, met)| (p.id.clone(), p.updated, why.clone(), met.clone())
                children=|(p, why, met)| view! { <PersonRow person=p why=why met=met /> }
            />
        </ul>
    }
}
