//! People: everyone I have met, searchable by any word, in the order chosen under "Sort".

use crate::core::model::{Event, EventId, Interest, PersonId};
use crate::core::order;
use crate::core::overlap::MyKeys;
use crate::core::people_search::{arrange, name_from_search, Order, PeopleSearch};
use crate::core::route::Route;
use crate::core::search::{Field, Query, SearchEntry};
use crate::core::suggestions::Typed;
use crate::store::AppState;
use crate::ui::components::event_select::EventSelect;
use crate::ui::components::people_sort::PeopleSort;
use crate::ui::components::search_field::SearchField;
use crate::ui::components::search_results::SearchResults;
use crate::ui::met::last_met_words;
use crate::ui::pages::person_form::add_person_named;
use crate::ui::router::{self, navigate};
use leptos::prelude::*;
use std::collections::HashMap;

/// How many rows to draw at once; the rest are a tap away, so 5,000 people never mean 5,000
/// DOM rows on a phone.
const PAGE: usize = 100;

#[component]
pub fn PeoplePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let start = PeopleSearch::from_hash(&location_hash().unwrap_or_default());
    let filtered_at_start = start.filtered();
    let query = RwSignal::new(start.text);
    let category = RwSignal::new(start.category);
    let event = RwSignal::new(start.event);
    let interest = RwSignal::new(start.interest);
    let shown = RwSignal::new(start.rows.max(PAGE));
    let order = RwSignal::new(start.order);
    // The search lives in the fragment as well (`core::people_search`), so that Back from a
    // person, a reload and Home's search box all show it. Typed here, it goes into the
    // fragment in place; a fragment that says something else while this page shows (a tap on
    // the People tab clears it, Back may return to another search) comes back here.
    let adopt = move |search: PeopleSearch| {
        let rows = search.rows.max(PAGE);
        if shown.get_untracked() != rows {
            shown.set(rows);
        }
        for (signal, value) in [
            (query, search.text),
            (category, search.category),
            (event, search.event),
            (interest, search.interest),
        ] {
            if signal.with_untracked(|v| *v != value) {
                signal.set(value);
            }
        }
        if order.get_untracked() != search.order {
            order.set(search.order);
        }
    };
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        if router::current_route() == Route::People {
            adopt(PeopleSearch::from_hash(
                &location_hash().unwrap_or_default(),
            ));
            // The page is not drawn again, so the app frame does not place it: the place this
            // entry was left at (the top of a new one), once the rows adopted are drawn.
            let y = router::arrival_scroll();
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        }
    });
    on_cleanup(move || listener.remove());
    Effect::new(move |previous: Option<PeopleSearch>| {
        let mut search = PeopleSearch {
            text: query.get(),
            category: category.get(),
            event: event.get(),
            interest: interest.get(),
            rows: 0,
            order: order.get(),
        };
        // A changed search starts at its first rows, unless it came from the fragment (Back
        // to a search of this page's own), which says how many; typed here, the fragment
        // still holds the search before.
        if previous.is_some_and(|p| !p.same_search(&search)) {
            let fragment = PeopleSearch::from_hash(&location_hash().unwrap_or_default());
            let rows = if fragment.same_search(&search) {
                fragment.rows.max(PAGE)
            } else {
                PAGE
            };
            shown.set(rows);
        }
        let rows = shown.get();
        search.rows = if rows > PAGE { rows } else { 0 };
        // Only while this page shows: the next page's fragment is not this one's to change.
        if router::current_route() == Route::People {
            router::replace_hash_quietly(&search.to_hash());
        }
        search
    });
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
    // What each person shares with me (the score and the first few interests, as "Who to talk
    // to" ranks a room), only while "Most in common" is the order: a keystroke then reads it
    // rather than comparing maps.
    let in_common = Memo::new(move |_| {
        if order.get() != Order::Shared {
            return HashMap::new();
        }
        let mine = state.me.with(|me| MyKeys::new(&me.interests));
        state.people.with(|people| {
            let maps: Vec<(PersonId, &[Interest])> = people
                .values()
                .map(|p| (p.id.clone(), p.interests.as_slice()))
                .collect();
            mine.rank(&maps)
                .into_iter()
                .map(|r| (r.id, (r.score, r.top_shared)))
                .collect::<HashMap<PersonId, (f64, Vec<String>)>>()
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
                let mut found: Vec<_> = found
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
                    .collect();
                in_common.with(|shared| {
                    arrange(
                        &mut found,
                        order.get(),
                        |(p, _)| p.updated,
                        |(p, _)| shared.get(&p.id).map_or(0.0, |s| s.0),
                    );
                    found
                        .into_iter()
                        .map(|(p, why)| {
                            // Sorted by what we share, a row with no search reason says what.
                            let top = shared.get(&p.id).map(|s| &s.1).filter(|t| !t.is_empty());
                            let why = match top {
                                Some(top) if why.is_empty() => {
                                    format!("You share {}", top.join(", "))
                                }
                                _ => why,
                            };
                            (p.id.clone(), why)
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    // Where each person was last met, for their row: a name found years later comes with a
    // place and a time.
    let met = Memo::new(move |_| last_met_words(state));
    let visible = Signal::derive(move || {
        matches.with(|m| {
            state.people.with(|people| {
                met.with(|met| {
                    m.iter()
                        .take(shown.get())
                        .filter_map(|(id, why)| {
                            let at = met.get(id).cloned().unwrap_or_default();
                            people.get(id).map(|p| (p.clone(), why.clone(), at))
                        })
                        .collect::<Vec<_>>()
                })
            })
        })
    });
    view! {
        <h1>"People"</h1>
        <SearchField label="Search" placeholder="Name, interest, note, event…" value=query enter_hides_keyboard=true />
        // Open when a filter came with the fragment (Back, a reload), so that it can be seen.
        <details class="card" open=filtered_at_start>
            <summary>"Filters"</summary>
            <label class="field">
                <span class="field-label">"Category"</span>
                // `selected` as well as `prop:value`: the value is set before the options exist.
                <select prop:value=move || category.get() on:change=move |ev| category.set(event_target_value(&ev))>
                    <option value="">"Any category"</option>
                    {move || {
                        let chosen = category.get_untracked();
                        state
                            .categories
                            .get()
                            .into_iter()
                            .map(|c| {
                                let selected = c.id.0 == chosen;
                                view! { <option value=c.id.0 selected=selected>{c.name}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label class="field">
                <span class="field-label">"Interest"</span>
                <input type="text" autocomplete="off" prop:value=move || interest.get() on:input=move |ev| interest.set(event_target_value(&ev)) />
            </label>
            <EventSelect label="Event" none="Any event" value=event />
        </details>
        <PeopleSort found=Signal::derive(move || matches.with(|m| m.len())) order=order />
        <SearchResults found=visible />
        <Show when=move || { matches.with(|m| m.len()) > shown.get() }>
            <button type="button" class="button" on:click=move |_| shown.update(|s| *s += PAGE)>
                "Show more"
            </button>
        </Show>
        // A search that found nobody is, at an event, usually a name not saved yet: the
        // button adds that person, name filled in.
        {move || {
            let found_nobody = matches.with(|m| m.is_empty());
            match query.with(|q| name_from_search(q)).filter(|_| found_nobody) {
                Some(name) => {
                    let label = format!("Add {name}");
                    view! {
                        <button type="button" class="button button-big" on:click=move |_| add_person_named(name.clone())>
                            {label}
                        </button>
                    }
                    .into_any()
                }
                None => {
                    view! {
                        <button type="button" class="button button-big" on:click=move |_| navigate(&Route::AddPerson)>
                            "Add person"
                        </button>
                    }
                    .into_any()
                }
            }
        }}
    }
}
