//! "Compare with…": pick a second person and see the three-circle Venn of me and both.

use super::overlap_view::{THEIR_COLOUR, THIRD_COLOUR};
use super::person_picker::PersonPicker;
use super::venn_diagram::{VennDiagram, VennModel, VennSet};
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
            VennSet::me(),
            VennSet::new(&a.name, THEIR_COLOUR),
            VennSet::new(&b.name, THIRD_COLOUR),
        ],
        regions,
        summary,
    }
}

#[component]
pub fn CompareWith(person: Signal<Person>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let other = RwSignal::new(None::<PersonId>);
    let exclude = Signal::derive(move || vec![person.with(|p| p.id.clone())]);
    let pick = Callback::new(move |id: PersonId| other.set(Some(id)));
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
        <PersonPicker label="Compare with" exclude=exclude on_pick=pick />
        {move || model.get().map(|m| view! { <VennDiagram model=Signal::derive(move || m.clone()) /> })}
    }
}
