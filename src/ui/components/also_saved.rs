//! On a person's page, another saved record of the same name: made at two events before the
//! name was checked, or brought in from a contacts file. One tap merges it into this one
//! (everything either held is kept; Undo for ten seconds), or the other is a tap away to check.

use super::undo_toast::UndoSlot;
use crate::core::duplicates::{same_name, told_by};
use crate::core::model::PersonId;
use crate::core::route::Route;
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn AlsoSaved(id: PersonId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let undo = expect_context::<UndoSlot>();
    let other = {
        let id = id.clone();
        Memo::new(move |_| {
            state.people.with(|people| {
                let this = people.get(&id)?;
                let other = same_name(people.values(), &this.name, Some(&id))?;
                let line = state.events.with(|events| {
                    format!(
                        "Another record of {} is saved ({}).",
                        other.name,
                        told_by(other, events)
                    )
                });
                Some((other.id.clone(), line))
            })
        })
    };
    move || {
        let id = id.clone();
        other.get().map(|(other_id, line)| {
            let href = Route::Person(other_id.clone()).to_hash();
            let merge = move |_| {
                if let Some(merged) = state.merge_people(&id, &other_id) {
                    undo.offer(merged);
                }
            };
            view! {
                <section class="card duplicate-warning" aria-labelledby="also-saved-heading">
                    <h2 id="also-saved-heading">"Saved twice?"</h2>
                    <p>{line}</p>
                    <div class="row">
                        <button type="button" class="button" on:click=merge>"Merge into this one"</button>
                        <a href=href>"See the other"</a>
                    </div>
                </section>
            }
        })
    }
}
