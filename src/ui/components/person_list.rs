//! A list of people, each a link to their page with what they do beneath the name.

use super::person_row::PersonRow;
use crate::core::model::Person;
use leptos::prelude::*;

#[component]
pub fn PersonList(#[prop(into)] people: Signal<Vec<Person>>) -> impl IntoView {
    view! {
        <ul class="person-list">
            <For
                each=move || people.get()
                key=|p| (p.id.clone(), p.updated)
                children=|p| view! { <PersonRow person=p /> }
            />
        </ul>
    }
}
