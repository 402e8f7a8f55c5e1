//! Home: the big "Add person" button, follow-ups due, the current event, people met most
//! recently, and slow burners worth a follow-up.

use crate::core::nudges::{due_follow_ups, slow_burners};
use crate::core::route::Route;
use crate::core::suggestions::example_map;
use crate::store::clock::{now, today};
use crate::store::AppState;
use crate::ui::components::person_list::PersonList;
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = expect_context::<AppState>();
    let today = today();
    let recent = Memo::new(move |_| {
        state.people.with(|people| {
            let mut list: Vec<_> = people.values().collect();
            list.sort_by_key(|p| std::cmp::Reverse(p.updated));
            list.into_iter().take(5).cloned().collect::<Vec<_>>()
        })
    });
    let due = {
        let today = today.clone();
        Memo::new(move |_| state.people.with(|p| due_follow_ups(p.values(), &today)))
    };
    let burners = Memo::new(move |_| {
        state.events.with(|e| {
            state
                .people
                .with(|p| slow_burners(p.values(), e, &today, 3))
        })
    });
    let current_event = {
        let today = crate::store::clock::today();
        move || {
            state.settings.with(|s| {
                state
                    .events
                    .with(|e| crate::core::current_event::current_event(s, e, &today).cloned())
            })
        }
    };
    let brand_new =
        move || state.me.with(|m| m.interests.is_empty()) && state.people.with(|p| p.is_empty());
    let mark_done = move |id: crate::core::model::PersonId, index: usize| {
        if let Some(mut p) = state.people.with_untracked(|p| p.get(&id).cloned()) {
            if let Some(f) = p.follow_ups.get_mut(index) {
                f.done = true;
                p.updated = now();
                state.save_person(p, None);
            }
        }
    };
    view! {
        <h1>"Home"</h1>
        <Show when=brand_new>
            <section class="card">
                <h2>"Welcome"</h2>
                <p>"Everyone is a circle of interests. Start with yours: the good conversations live where circles meet."</p>
                <button
                    type="button"
                    class="button"
                    on:click=move |_| {
                        state.save_me(example_map());
                        navigate(&Route::MyMap);
                    }
                >
                    "Load an example map"
                </button>
                " "
                <a href="#/map">"Or start my own map"</a>
            </section>
        </Show>
        <button type="button" class="button button-big" on:click=move |_| navigate(&Route::AddPerson)>
            "Add person"
        </button>
        <Show when=move || due.with(|d| !d.is_empty())>
            <section class="card">
                <h2>"Follow-ups due"</h2>
                <ul class="follow-ups">
                    {move || {
                        due.get()
                            .into_iter()
                            .map(|f| {
                                let label = format!("{}: {} (due {})", f.name, f.text, f.due);
                                let (id, index) = (f.person.clone(), f.index);
                                view! {
                                    <li>
                                        <label class="check">
                                            <input type="checkbox" on:change=move |_| mark_done(id.clone(), index) />
                                            <span>{label}</span>
                                        </label>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
        {move || {
            current_event()
                .map(|e| {
                    let href = Route::Event(e.id.clone()).to_hash();
                    view! {
                        <section class="card">
                            <h2>"Current event"</h2>
                            <a href=href>{e.name.clone()}</a>
                            <p class="muted">{format!("{} · {} met so far", e.date, e.attendees.len())}</p>
                            <button type="button" class="button button-quiet" on:click=move |_| state.end_event()>"End event"</button>
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
        <Show when=move || burners.with(|b| !b.is_empty())>
            <section>
                <h2>"Worth a catch-up"</h2>
                <p class="muted">"Met six months ago or more, no follow-up since."</p>
                <ul class="plain-list">
                    {move || {
                        burners
                            .get()
                            .into_iter()
                            .map(|(id, name, met)| {
                                view! { <li><a href=Route::Person(id).to_hash()>{name}</a>{format!(" — met {met}")}</li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
