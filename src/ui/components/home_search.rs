//! Home's search box: finding someone met long ago ("the runner whose daughter is at St
//! Mary's") starts where the app opens. The words open People with that search, which People
//! keeps in its fragment, so Back from a person comes back to the results.

use crate::core::people_search::PeopleSearch;
use crate::ui::components::search_field::SearchField;
use crate::ui::router::navigate_to_hash;
use leptos::prelude::*;

#[component]
pub fn HomeSearch() -> impl IntoView {
    let text = RwSignal::new(String::new());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let words = text.with_untracked(|t| t.trim().to_string());
        navigate_to_hash(&PeopleSearch::words(&words).to_hash());
    };
    view! {
        <form class="home-search" role="search" on:submit=search>
            <SearchField label="Search people" placeholder="Name, interest…" value=text />
            <button type="submit" class="button button-quiet">"Search"</button>
        </form>
    }
}
