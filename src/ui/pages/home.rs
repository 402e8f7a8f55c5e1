//! Home: the big "Add person" button, the current event and the people met most recently.

use crate::core::route::Route;
use crate::store::AppState;
use crate::ui::components::person_list::PersonList;
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let recent = Memo::new(move |_| {
        state.people.with(|people| {
            let mut list: Vec<_> = people.values().cloned().collect();
            list.sort_by_key(|p| std::cmp::Reverse(p.updated));
            list.truncate(5);
            list
        })
    });
    let current_event = move || {
        let id = state.settings.with(|s| s.current_event.clone())?;
        state.events.with(|events| events.get(&id).cloned())
    };
    view! {
        <h1>"Home"</h1>
        <button type="button" class="button button-big" on:click=move |_| navigate(&Route::AddPerson)>
            "Add person"
        </button>
        {move || {
            current_event()
                .map(|e| {
                    let href = Route::Event(e.id.clone()).to_hash();
                    view! {
                        <section class="card">
                            <h2>"Current event"</h2>
                            <a href=href>{e.name.clone()}</a>
                            <p class="muted">{e.date.clone()}</p>
                        </section>
                    }
                })
        }}
        <section>
            <h2>"Recent people"</h2>
            <Show
                when=move || recent.with(|r| !r.is_empty())
                fallback=|| view! { <p class="muted">"Nobody yet. People you add appear here."</p> }
            >
                <PersonList people=recent />
            </Show>
        </section>
    }
}
