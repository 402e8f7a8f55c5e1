//! The room at an event: who to talk to (ranked by what they share with me), who to introduce
//! to whom, and the interests most shared across the room.

use crate::core::model::{Interest, PersonId};
use crate::core::overlap::{near_interests, near_pairs, rank_pairs, room_overlap, MyKeys};
use crate::core::route::Route;
use crate::store::AppState;
use leptos::prelude::*;

const SHOWN: usize = 5;

/// Everyone in the room, each as id and interests: the shape the rankings take.
type Room = Vec<(PersonId, String, Vec<Interest>)>;

fn rows(room: &Room) -> Vec<(PersonId, &[Interest])> {
    room.iter()
        .map(|(id, _, i)| (id.clone(), i.as_slice()))
        .collect()
}

#[component]
pub fn EventInsights(#[prop(into)] attendees: Signal<Vec<PersonId>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    // Everything below is one pass over the attendees, recomputed only when they or the maps
    // change; people share the interest lists rather than copying them per ranking.
    let room = Memo::new(move |_| {
        let ids = attendees.get();
        state.people.with(|people| {
            ids.iter()
                .filter_map(|id| {
                    people
                        .get(id)
                        .map(|p| (p.id.clone(), p.name.clone(), p.interests.clone()))
                })
                .collect::<Room>()
        })
    });
    let name_of = move |id: &PersonId| {
        room.with(|r| {
            r.iter()
                .find(|(i, _, _)| i == id)
                .map(|(_, n, _)| n.clone())
                .unwrap_or_default()
        })
    };
    let talk_to = Memo::new(move |_| {
        room.with(|r| {
            let list = rows(r);
            state.me.with(|me| MyKeys::new(&me.interests).rank(&list))
        })
    });
    let pairs = Memo::new(move |_| {
        room.with(|r| {
            let list = rows(r);
            rank_pairs(&list)
        })
    });
    // When what people share outright does not fill the list, close interests can.
    let close_pairs = Memo::new(move |_| {
        if pairs.with(|p| p.len() >= SHOWN) {
            return Vec::new();
        }
        // Fewer than SHOWN: every exact pair is on screen, so none may come again as close.
        let introduced: Vec<(PersonId, PersonId)> =
            pairs.with(|p| p.iter().map(|p| (p.a.clone(), p.b.clone())).collect());
        let wanted = SHOWN - introduced.len();
        room.with(|r| near_pairs(&rows(r), &introduced, wanted))
    });
    let shared = Memo::new(move |_| {
        room.with(|r| {
            let list = rows(r);
            room_overlap(&list)
        })
    });
    // Someone who shares nothing word for word may still be worth a word: name what of theirs
    // is close to mine ("Sea swimming", near my "Wild swimming").
    let nothing_shared = move |id: &PersonId| {
        let close: Vec<String> = room.with(|r| {
            let theirs = r
                .iter()
                .find(|(i, _, _)| i == id)
                .map(|(_, _, t)| t.as_slice());
            state.me.with(|me| {
                near_interests(&me.interests, theirs.unwrap_or_default())
                    .into_iter()
                    .take(2)
                    .map(|n| n.theirs.label)
                    .collect()
            })
        });
        if close.is_empty() {
            "Nothing shared yet".to_string()
        } else {
            format!("Nothing shared yet, but close: {}", close.join(", "))
        }
    };
    view! {
        <h2>"Who to talk to"</h2>
        {move || {
            let ranked = talk_to.get();
            if ranked.is_empty() {
                return view! { <p class="muted">"Add the people you meet here to see who shares most with you."</p> }.into_any();
            }
            view! {
                <ol class="ranked" aria-label="Who to talk to">
                    {ranked
                        .into_iter()
                        .take(SHOWN)
                        .map(|r| {
                            let why = if r.top_shared.is_empty() {
                                nothing_shared(&r.id)
                            } else {
                                format!("You share {}", r.top_shared.join(", "))
                            };
                            view! {
                                <li>
                                    <a href=Route::Person(r.id.clone()).to_hash()>{name_of(&r.id)}</a>
                                    <span class="muted">{format!(" — {why}")}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
            .into_any()
        }}
        <h2>"Introduce"</h2>
        {move || {
            let list = pairs.get();
            let close = close_pairs.get();
            if list.is_empty() && close.is_empty() {
                return view! { <p class="muted">"Nobody here shares an interest with anyone else yet."</p> }.into_any();
            }
            let exact = list.into_iter().take(SHOWN).map(|p| {
                format!("{} and {}: both into {}", name_of(&p.a), name_of(&p.b), p.shared.join(", "))
            });
            let near = close.into_iter().map(|p| {
                format!("{} and {}: {} and {} are close", name_of(&p.a), name_of(&p.b), p.labels.0, p.labels.1)
            });
            view! {
                <ul class="plain-list" aria-label="Introduce">
                    {exact.chain(near).map(|text| view! { <li>{text}</li> }).collect_view()}
                </ul>
            }
            .into_any()
        }}
        <h2>"Room overlap"</h2>
        {move || {
            let list = shared.get();
            let people = room.with(|r| r.len()).max(1);
            if list.is_empty() {
                return view! { <p class="muted">"No interest is shared by two people here yet."</p> }.into_any();
            }
            view! {
                <ul class="bars" aria-label="Room overlap">
                    {list
                        .into_iter()
                        .take(8)
                        .map(|i| {
                            let pct = (i.count * 100 / people).clamp(4, 100);
                            view! {
                                <li>
                                    <a class="bar-label" href=Route::Who(i.label.clone()).to_hash()>{i.label.clone()}</a>
                                    <span class="bar" style=format!("width: {pct}%")></span>
                                    <span class="bar-count">{format!("{} people", i.count)}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
            .into_any()
        }}
    }
}
