//! "Compare with…": pick a second person and see the three-circle Venn of me and both.

use super::overlap_view::{MY_COLOUR, THEIR_COLOUR, THIRD_COLOUR};
use super::venn_diagram::{VennDiagram, VennModel, VennSet};
use crate::core::model::{Person, PersonId};
use crate::core::overlap::overlap3;
use crate::core::venn::RegionId;
use crate::store::AppState;
use leptos::prelude::*;

fn three_set_model(me: &[crate::core::model::Interest], a: &Person, b: &Person) -> VennModel {
    let r = overlap3(me, &a.interests, &b.interests);
    let mut regions: [Vec<String>; 7] = Default::default();
    for id in RegionId::ALL {
        regions[id.index()] = r.get(id).to_vec();
    }
    let all = regions[RegionId::ABC.index()].len();
    let summary = match all {
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

#[component]
pub fn CompareWith(person: Signal<Person>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let other = RwSignal::new(None::<PersonId>);
    let choices = Memo::new(move |_| {
        let me = person.with(|p| p.id.clone());
        state.people.with(|people| {
            let mut list: Vec<(PersonId, String)> = people
                .values()
                .filter(|p| p.id != me)
                .map(|p| (p.id.clone(), p.name.clone()))
                .collect();
            list.sort_by_cached_key(|(_, n)| n.to_lowercase());
            list
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
            <select on:change=move |ev| {
                let v = event_target_value(&ev);
                other.set((!v.is_empty()).then_some(PersonId(v)));
            }>
                <option value="">"Choose a person"</option>
                {move || {
                    choices
                        .get()
                        .into_iter()
                        .map(|(id, name)| view! { <option value=id.0>{name}</option> })
                        .collect_view()
                }}
            </select>
        </label>
        {move || model.get().map(|m| view! { <VennDiagram model=Signal::derive(move || m.clone()) /> })}
    }
}
