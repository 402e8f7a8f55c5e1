//! A list of people, each a link to their page with what they do beneath the name.

use crate::core::model::Person;
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn PersonList(#[prop(into)] people: Signal<Vec<Person>>) -> impl IntoView {
    view! {
        <ul class="person-list">
            <For
                each=move || people.get()
                key=|p| (p.id.clone(), p.updated)
                children=|p| {
                    let href = Route::Person(p.id.clone()).to_hash();
                    view! {
                        <li>
                            <a href=href class="person-row">
                                <span class="person-name">{p.name.clone()}</span>
                                <span class="person-what">{p.what.clone()}</span>
                            </a>
                        </li>
                    }
                }
            />
        </ul>
    }
}
