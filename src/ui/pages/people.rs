//! People: everyone I have met, searchable by any word.

use crate::core::route::Route;
use crate::core::search::Query;
use crate::store::AppState;
use crate::ui::components::person_list::PersonList;
use crate::ui::router::navigate;
use leptos::prelude::*;

/// How many rows to draw at once; the rest are a tap away, so 5,000 people never mean 5,000
/// DOM rows on a phone.
const PAGE: usize = 100;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    let matches = Memo::new(move |_| {
        let q = Query::new(&query.get());
        state.events.with(|events| {
            state.people.with(|people| {
                let mut found: Vec<_> = people
                    .values()
                    .filter(|p| {
                        if q.is_empty() {
                            return true;
                        }
                        let theirs: Vec<_> = events
                            .values()
                            .filter(|e| e.attendees.contains(&p.id))
                            .collect();
                        q.matches(p, &theirs)
                    })
                    .cloned()
                    .collect();
                found.sort_by_cached_key(|p| p.name.to_lowercase());
                found
            })
        })
    });
    let visible = Signal::derive(move || {
        matches.with(|m| m.iter().take(shown.get()).cloned().collect::<Vec<_>>())
    });
    view! {
        <h1>"People"</h1>
        <label class="field">
            <span class="field-label">"Search"</span>
            <input
                type="search"
                placeholder="Name, interest, note, event…"
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    shown.set(PAGE);
                }
            />
        </label>
        <p class="muted" aria-live="polite">
            {move || match matches.with(|m| m.len()) {
                1 => "1 person".to_string(),
                n => format!("{n} people"),
            }}
        </p>
        <PersonList people=visible />
        <Show when=move || { matches.with(|m| m.len()) > shown.get() }>
            <button type="button" class="button" on:click=move |_| shown.update(|s| *s += PAGE)>
                "Show more"
            </button>
        </Show>
        <button type="button" class="button button-big" on:click=move |_| navigate(&Route::AddPerson)>
            "Add person"
        </button>
    }
}
