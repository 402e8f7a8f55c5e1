//! People found by a search: each a link to their page with what they do and why they matched
//! ("interest: Running", "note: …hates running…"), best matches first.

use super::person_row::PersonRow;
use crate::core::model::Person;
use leptos::prelude::*;

#[component]
pub fn SearchResults(
    /// Each person with the reason they matched (empty when there is no query).
    #[prop(into)]
    found: Signal<Vec<(Person, String)>>,
) -> impl IntoView {
    view! {
        <ul class="person-list">
            <For
                each=move || found.get()
                key=|(p, why)| (p.id.clone(), p.updated, why.clone())
                children=|(p, why)| view! { <PersonRow person=p why=why /> }
            />
        </ul>
    }
}
