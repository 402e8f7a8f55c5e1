//! "Compare with…": pick a second person and see the three-circle Venn of me and both.

use super::person_picker::PersonPicker;
use super::venn_diagram::VennDiagram;
use crate::core::model::{Person, PersonId};
use crate::core::overlap::overlap3;
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn CompareWith(person: Signal<Person>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let other = RwSignal::new(None::<PersonId>);
    let exclude = Signal::derive(move || vec![person.with(|p| p.id.clone())]);
    let pick = Callback::new(move |id: PersonId| other.set(Some(id)));
    let model = Signal::derive(move || {
        let id = other.get()?;
        let b = state.people.with(|p| p.get(&id).cloned())?;
        Some(person.with(|a| {
            state.me.with(|me| {
                overlap3(&me.interests, &a.interests, &b.interests).venn_model(&a.name, &b.name)
            })
        }))
    });
    view! {
        <h2>"Compare with…"</h2>
        <PersonPicker label="Compare with" exclude=exclude on_pick=pick />
        {move || model.get().map(|m| view! { <VennDiagram model=Signal::derive(move || m.clone()) /> })}
    }
}
