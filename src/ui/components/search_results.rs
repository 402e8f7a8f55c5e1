//! People found by a search: each a link to their page with what they do and why they matched
//! ("interest: Running", "note: …hates running…"), best matches first.

use crate::core::model::Person;
use crate::core::route::Route;
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
                children=|(p, why)| {
                    let href = Route::Person(p.id.clone()).to_hash();
                    view! {
                        <li>
                            <a href=href class="person-row">
                                <span class="person-name">{p.name.clone()}</span>
                                <span class="person-what">{p.what.clone()}</span>
                                {(!why.is_empty()).then(|| view! { <span class="search-why">{why}</span> })}
                            </a>
                        </li>
                    }
                }
            />
        </ul>
    }
}
