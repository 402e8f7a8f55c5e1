//! "Compare with…": find a second person by name and see the three-circle Venn of me and both.

use super::overlap_view::{MY_COLOUR, THEIR_COLOUR, THIRD_COLOUR};
use super::venn_diagram::{VennDiagram, VennModel, VennSet};
use crate::core::interest_key::fold;
use crate::core::model::{Interest, Person, PersonId};
use crate::core::overlap::overlap3;
use crate::core::venn::RegionId;
use crate::store::AppState;
use leptos::prelude::*;

fn three_set_model(me: &[Interest], a: &Person, b: &Person) -> VennModel {
    let r = overlap3(me, &a.interests, &b.interests);
    let mut regions: [Vec<String>; 7] = Default::default();
    for id in RegionId::ALL {
        regions[id.index()] = r.get(id).to_vec();
    }
    let summary = match regions[RegionId::ABC.index()].len() {
        1 => format!("You, {} and {} all share 1 interest", a.name, b.name),
        n => format!("You, {} and {} all share {n} interests", a.name, b.name),
    };
    VennModel {
        sets: vec![
            VennSet {
                name: "You".into(),
                colour: MY_COLOUR.into(),
            },
            VennSet {
                name: a.name.clone(),
                colour: THEIR_COLOUR.into(),
            },
            VennSet {
                name: b.name.clone(),
                colour: THIRD_COLOUR.into(),
            },
        ],
        regions,
        summary,
    }
}

/// How many matches to offer: a picker, not a list of everyone (5,000 options would make the
/// page slow to open on a phone).
const MATCHES: usize = 6;

#[component]
pub fn CompareWith(person: Signal<Person>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let other = RwSignal::new(None::<PersonId>);
    let query = RwSignal::new(String::new());
    let matches = Memo::new(move |_| {
        let q = fold(&query.get());
        let q = q.trim();
        if q.is_empty() {
            return Vec::new();
        }
        let me = person.with(|p| p.id.clone());
        state.people.with(|people| {
            people
                .values()
                .filter(|p| p.id != me && fold(&p.name).contains(q))
                .take(MATCHES)
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect::<Vec<_>>()
        })
    });
    let model = Signal::derive(move || {
        let id = other.get()?;
        let b = state.people.with(|p| p.get(&id).cloned())?;
        Some(
            state
                .me
                .with(|me| person.with(|a| three_set_model(&me.interests, a, &b))),
        )
    });
    view! {
        <h2>"Compare with…"</h2>
        <label class="field">
            <span class="field-label">"Compare with"</span>
            <input
                type="search"
                placeholder="Type a name"
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </label>
        <ul class="suggestions">
            {move || {
                matches
                    .get()
                    .into_iter()
                    .map(|(id, name)| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="suggestion"
                                    on:click=move |_| {
                                        other.set(Some(id.clone()));
                                        query.set(String::new());
                                    }
                                >
                                    {name}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
        {move || model.get().map(|m| view! { <VennDiagram model=Signal::derive(move || m.clone()) /> })}
    }
}
