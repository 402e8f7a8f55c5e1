//! A person's page: who they are, what they care about and what I noted.

use crate::core::model::PersonId;
use crate::store::AppState;
use crate::ui::components::interest_chips::InterestChips;
use leptos::prelude::*;

#[component]
pub fn PersonPage(id: PersonId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let person = {
        let id = id.clone();
        Memo::new(move |_| state.people.with(|p| p.get(&id).cloned()))
    };
    move || {
        match person.get() {
        None => view! {
            <h1>"Person not found"</h1>
            <p>"Nobody with this link is saved in this browser. They may have been deleted, or saved on another device."</p>
            <p><a href="#/people">"Go to People"</a></p>
        }
        .into_any(),
        Some(p) => {
            let interests = p.interests.clone();
            view! {
                <h1>{p.name.clone()}</h1>
                <p class="lead">{p.what.clone()}</p>
                <h2>"Interests"</h2>
                <InterestChips interests=Signal::derive(move || interests.clone()) categories=state.categories />
                <h2>"Notes"</h2>
                <p class="notes">{p.notes.clone()}</p>
            }
            .into_any()
        }
    }
    }
}
