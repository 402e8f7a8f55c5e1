//! One person in a list: a link to their page, with what they do and, for a search, why they
//! matched.

use crate::core::model::Person;
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn PersonRow(
    person: Person,
    /// Why a search found them ("interest: Running"); empty outside a search.
    #[prop(optional)]
    why: String,
) -> impl IntoView {
    let href = Route::Person(person.id.clone()).to_hash();
    view! {
        <li>
            <a href=href class="person-row">
                <span class="person-name">{person.name}</span>
                <span class="person-what">{person.what}</span>
                {(!why.is_empty()).then(|| view! { <span class="search-why">{why}</span> })}
            </a>
        </li>
    }
}
