//! People: everyone I have met, searchable by any word.

use crate::core::model::{Event, EventId, PersonId};
use crate::core::order;
use crate::core::route::Route;
use crate::core::search::{Field, Query, SearchEntry};
use crate::core::suggestions::Typed;
use crate::store::AppState;
use crate::ui::components::event_select::EventSelect;
use crate::ui::components::search_results::SearchResults;
use crate::ui::router::navigate;
use leptos::prelude::*;
use std::collections::HashMap;

/// How many rows to draw at once; the rest are a tap away, so 5,000 people never mean 5,000
/// DOM rows on a phone.
const PAGE: usize = 100;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let event = RwSignal::new(String::new());
    let interest = RwSignal::new(String::new());
    let shown = RwSignal::new(PAGE);
    // Folding every person's text is the expensive part of a search, so it is a memo of its
    // own that only changes with the data; a keystroke then only scans prepared text.
    let index = Memo::new(move |_| {
        state.events.with(|events| {
            let mut by_person: HashMap<&PersonId, Vec<&Event>> = HashMap::new();
            for e in events.values() {
                for id in &e.attendees {
                    by_person.entry(id).or_default().push(e);
                }
            }
            state.people.with(|people| {
                let mut list: Vec<(String, PersonId, SearchEntry)> = people
                    .values()
                    .map(|p| {
                        let theirs = by_person.get(&p.id).map(Vec::as_slice).unwrap_or(&[]);
                        (
                            p.name.to_lowercase(),
                            p.id.clone(),
                            SearchEntry::new(p, theirs),
                        )
                    })
                    .collect();
                order::sort_by(&mut list, |a, b| a.0.cmp(&b.0));
                list
            })
        })
    });
    let matches = Memo::new(move |_| {
        let q = Query::new(&query.get());
        let category = category.get();
        let at_event = event.get();
        let interest_typed = interest.with(|i| (!i.trim().is_empty()).then(|| Typed::new(i)));
        let at: Vec<PersonId> = state.events.with(|e| {
            e.get(&EventId(at_event.clone()))
                .map(|e| e.attendees.clone())
                .unwrap_or_default()
        });
        index.with(|index| {
            state.people.with(|people| {
                let mut found: Vec<(Field, &PersonId, String)> = index
                    .iter()
                    .filter_map(|(_, id, entry)| {
                        q.explain(entry).map(|why| (why.field, id, why.text))
                    })
                    .collect();
                // Name and interest hits first; the index is already in name order and the
                // sort is stable.
                order::sort_by_key(&mut found, |(field, _, _)| *field);
                found
                    .into_iter()
                    .filter_map(|(_, id, why)| people.get(id).map(|p| (p, why)))
                    .filter(|(p, _)| {
                        category.is_empty() || p.interests.iter().any(|i| i.category.0 == category)
                    })
                    .filter(|(p, _)| at_event.is_empty() || at.contains(&p.id))
                    .filter(|(p, _)| {
                        interest_typed.as_ref().is_none_or(|typed| {
                            p.interests
                                .iter()
                                .any(|i| typed.matches(&i.label, &i.key()))
                        })
                    })
                    .map(|(p, why)| (p.id.clone(), why))
                    .collect::<Vec<_>>()
            })
        })
    });
    let visible = Signal::derive(move || {
        matches.with(|m| {
            state.people.with(|people| {
                m.iter()
                    .take(shown.get())
                    .filter_map(|(id, why)| people.get(id).map(|p| (p.clone(), why.clone())))
                    .collect::<Vec<_>>()
            })
        })
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
        <details class="card">
            <summary>"Filters"</summary>
            <label class="field">
                <span class="field-label">"Category"</span>
                <select on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value="">"Any category"</option>
                    {move || state.categories.get().into_iter().map(|c| view! { <option value=c.id.0>{c.name}</option> }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="field-label">"Interest"</span>
                <input type="text" prop:value=move || interest.get() on:input=move |ev| interest.set(event_target_value(&ev)) />
            </label>
            <EventSelect label="Event" none="Any event" value=event />
        </details>
        <p class="muted" aria-live="polite">
            {move || match matches.with(|m| m.len()) {
                1 => "1 person".to_string(),
                n => format!("{n} people"),
            }}
        </p>
        <SearchResults found=visible />
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
