//! One person in a list: a link to their page, with what they do, where they were last met
//! and, for a search, why they matched.

use crate::core::model::Person;
use crate::core::route::Route;
use crate::ui::format::join_present;
use leptos::prelude::*;

#[component]
pub fn PersonRow(
    person: Person,
    /// Why a search found them ("interest: Running"); empty outside a search.
    #[prop(optional)]
    why: String,
    /// Where and when they were last met ("WI evening, 3 weeks ago"); empty if unknown.
    #[prop(optional)]
    met: String,
) -> impl IntoView {
    let href = Route::Person(person.id.clone()).to_hash();
    let what = join_present(&[person.what.as_str(), met.as_str()], " · ");
    view! {
        <li>
            <a href=href class="person-row">
                <span class="person-name">{person.name}</span>
                <span class="person-what">{what}</span>
                {(!why.is_empty()).then(|| view! { <span class="search-why">{why}</span> })}
            </a>
        </li>
    }
}
