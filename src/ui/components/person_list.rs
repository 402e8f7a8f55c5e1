//! A list of people, each a link to their page with what they do beneath the name, and, in
//! search results, why they matched.

use crate::core::model::{Person, PersonId};
use crate::core::route::Route;
use leptos::prelude::*;
use std::collections::HashMap;

#[component]
pub fn PersonList(
    #[prop(into)] people: Signal<Vec<Person>>,
    /// Why each person is in a search result ("interest: Running"), shown under the name.
    #[prop(optional)]
    reasons: Option<Signal<HashMap<PersonId, String>>>,
) -> impl IntoView {
    view! {
        <ul class="person-list">
            <For
                each=move || people.get()
                key=|p| (p.id.clone(), p.updated)
                children=move |p| {
                    let href = Route::Person(p.id.clone()).to_hash();
                    let id = p.id.clone();
                    let why = move || {
                        reasons
                            .and_then(|r| r.with(|m| m.get(&id).cloned()))
                            .filter(|w| !w.is_empty())
                            .map(|w| view! { <span class="search-why">{w}</span> })
                    };
                    view! {
                        <li>
                            <a href=href class="person-row">
                                <span class="person-name">{p.name.clone()}</span>
                                <span class="person-what">{p.what.clone()}</span>
                                {why}
                            </a>
                        </li>
                    }
                }
            />
        </ul>
    }
}
