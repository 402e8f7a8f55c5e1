//! Home's activity: a search box (`components::home_search`), the current event, follow-ups
//! due (tick, undo) with a link to all of them, the people met most recently and the slow burners
//! worth a catch-up; first, in a tab on an iPhone, the warning that the browser may erase it
//! all (`components::safari_note`), or where the browser offers it, "Install app"
//! (`components::install_offer`). In a chunk group of its own ("home"), so a first visit, which has none of these, does not download
//! them (see `HomeActivitySlot`).

use crate::core::current_event::dated_today;
use crate::core::follow_up_list::summary;
use crate::core::model::{Event, EventId};
use crate::core::nudges::{due_follow_ups, slow_burners, DueFollowUp};
use crate::core::queries::recently_changed;
use crate::core::regulars::{name_line, regulars};
use crate::core::route::Route;
use crate::store::clock::day;
use crate::store::AppState;
use crate::ui::components::field::unique_id;
use crate::ui::components::home_search::HomeSearch;
use crate::ui::components::install_offer::InstallOffer;
use crate::ui::components::person_list::PersonList;
use crate::ui::components::safari_note::SafariNote;
use crate::ui::format::{event_when, human_date, join_present};
use leptos::prelude::*;

#[component]
pub fn HomeActivity() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Today's date, moving on if the app is left open overnight.
    let day: Signal<String> = Signal::from(day().read_only());
    let recent = Memo::new(move |_| {
        state.people.with(|people| {
            recently_changed(people.values(), 5)
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let due = Memo::new(move |_| {
        day.with(|today| state.people.with(|p| due_follow_ups(p.values(), today)))
    });
    let open =
        Memo::new(move |_| day.with(|today| state.people.with(|p| summary(p.values(), today))));
    let burners = Memo::new(move |_| {
        day.with(|today| {
            state
                .events
                .with(|e| state.people.with(|p| slow_burners(p.values(), e, today, 3)))
        })
    });
    let current_event = move || {
        // Read for the midnight it moves on at; an evening runs on past it (`event_day`).
        day.track();
        let today = crate::store::clock::event_day();
        state.settings.with(|s| {
            state
                .events
                .with(|e| crate::core::current_event::current_event(s, e, &today).cloned())
        })
    };
    // The follow-up ticked last, offered back for ten seconds: a tick on a crowded phone
    // screen is easily a mistake, and the ticked row leaves the list at once.
    let ticked = RwSignal::new(None::<(u64, DueFollowUp)>);
    let set_done = move |f: &DueFollowUp, done: bool| {
        let (index, text) = (f.index, f.text.clone());
        state.change_follow_ups(&f.person, move |l| {
            if let Some(x) = l.get_mut(index).filter(|x| x.text == text) {
                x.done = done;
            }
        });
    };
    let mark_done = move |f: DueFollowUp| {
        set_done(&f, true);
        let serial = ticked.with_untracked(|t| t.as_ref().map_or(1, |(s, _)| s + 1));
        ticked.set(Some((serial, f)));
        set_timeout(
            // Home may be gone by then (its signals disposed): `try_` rather than a panic.
            move || {
                if ticked.try_with_untracked(|t| t.as_ref().map(|(s, _)| *s) == Some(serial))
                    == Some(true)
                {
                    ticked.try_set(None);
                }
            },
            std::time::Duration::from_secs(10),
        );
    };
    let undo_tick = move |_| {
        if let Some((_, f)) = ticked.get_untracked() {
            ticked.set(None);
            set_done(&f, false);
        }
    };
    view! {
        <SafariNote />
        <InstallOffer on_home=true />
        <Show when=move || state.people.with(|p| !p.is_empty())>
            <HomeSearch />
        </Show>
        // At an event, the event comes first: it is what "Add person" files people under.
        {move || {
            current_event()
                .map(|e| {
                    let href = Route::Event(e.id.clone()).to_hash();
                    view! {
                        <section class="card">
                            <h2>"Current event"</h2>
                            <a href=href>{e.name.clone()}</a>
                            <p class="muted">{join_present(&[&event_when(&e.date, &e.time, &day.get_untracked()), &format!("{} met so far", e.attendees.len())], " · ")}</p>
                            {look_out_for(state, &e).map(|names| view! { <p>{format!("Regulars to look out for: {names}")}</p> })}
                            <button type="button" class="button button-quiet" on:click=move |_| state.end_event()>"End event"</button>
                        </section>
                    }
                })
        }}
        // No event marked current, but one noted for today: I am probably there.
        {move || {
            if current_event().is_some() {
                return None;
            }
            let todays: Vec<(EventId, String)> = state.events.with(|events| {
                day.with(|today| dated_today(events, today))
                    .into_iter()
                    .map(|e| (e.id.clone(), e.name.clone()))
                    .collect()
            });
            (!todays.is_empty()).then(|| {
                let hint = if todays.len() == 1 {
                    "Once you are there, one tap files the people you add under it."
                } else {
                    "Mark the one you are at, and the people you add are filed under it."
                };
                let rows = todays
                    .into_iter()
                    .map(|(id, name)| {
                        let href = Route::Event(id.clone()).to_hash();
                        let mark = move |_| {
                            state.make_current(&id);
                        };
                        view! {
                            <li>
                                <a href=href>{name.clone()}</a>
                                <button type="button" class="button" on:click=mark>{format!("I am at {name}")}</button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="card">
                        <h2>"Today"</h2>
                        <p class="muted">{hint}</p>
                        <ul class="today-events">{rows}</ul>
                    </section>
                }
            })
        }}
        <Show when=move || due.with(|d| !d.is_empty()) || ticked.with(|t| t.is_some())>
            <section class="card">
                <h2>"Follow-ups due"</h2>
                <ul class="follow-ups">
                    {move || {
                        let today = day.get_untracked();
                        due.get()
                            .into_iter()
                            .map(|f| {
                                let text_id = unique_id("due-text");
                                let when = if f.overdue {
                                    format!("Overdue · due {}", human_date(&f.due, &today))
                                } else {
                                    "due today".to_string()
                                };
                                let href = Route::Person(f.person.clone()).to_hash();
                                let (name, text, overdue) = (f.name.clone(), f.text.clone(), f.overdue);
                                view! {
                                    <li class="follow-up" class:overdue=overdue>
                                        <label class="tick">
                                            <input
                                                type="checkbox"
                                                aria-labelledby=text_id.clone()
                                                aria-describedby=format!("{text_id}-when")
                                                on:change=move |_| mark_done(f.clone())
                                            />
                                        </label>
                                        <div class="follow-up-body">
                                            <span id=text_id.clone() class="follow-up-text">{text}</span>
                                            " · "
                                            <a href=href>{name}</a>
                                            " "
                                            <span id=format!("{text_id}-when") class="follow-up-when">{when}</span>
                                        </div>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
                {move || {
                    ticked
                        .get()
                        .map(|(_, f)| {
                            view! {
                                <p class="row" role="status">
                                    <span>{format!("Done: {}.", f.text)}</span>
                                    <button type="button" class="button" on:click=undo_tick>"Undo"</button>
                                </p>
                            }
                        })
                }}
            </section>
        </Show>
        <Show when=move || open.with(|(n, _)| *n > 0)>
            <p class="all-follow-ups">
                {move || {
                    // With nothing due, say what comes next, so a quiet Home still shows it.
                    let nothing_due = due.with(|d| d.is_empty());
                    open.get().1.filter(|_| nothing_due).map(|e| {
                        let when = human_date(&e.follow_up.due, &day.get_untracked());
                        view! {
                            "Next: “" {e.follow_up.text} "” · " {e.name} ", due " {when} ". "
                        }
                    })
                }}
                <a class="more-link" href="#/follow-ups">{move || format!("All follow-ups ({})", open.with(|(n, _)| *n))}</a>
            </p>
        </Show>
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
                        let today_for_burners = day.get_untracked();
                        burners
                            .get()
                            .into_iter()
                            .map(|(id, name, met)| {
                                view! { <li><a href=Route::Person(id).to_hash()>{name}</a>{format!(" — met {}", human_date(&met, &today_for_burners))}</li> }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}

/// The regulars of the event I am at (`core::regulars`) not yet filed as met there, named, so
/// the faces at the door come with their names before I go in.
fn look_out_for(state: AppState, event: &Event) -> Option<String> {
    let found = state.events.with(|events| regulars(event, events.values()));
    state.people.with(|people| {
        let names: Vec<&str> = found
            .iter()
            .filter(|r| !event.attendees.contains(&r.person))
            .filter_map(|r| people.get(&r.person).map(|p| p.name.as_str()))
            .collect();
        (!names.is_empty()).then(|| name_line(&names, 3))
    })
}
