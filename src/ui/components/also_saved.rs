//! On a person's page, another saved record of the same name: made at two events before the
//! name was checked, or brought in from a contacts file. One tap merges it into this one
//! (everything either held is kept; Undo for ten seconds), the other is a tap away to check,
//! and "They are two people" stops asking about that pair (two John Smiths are two people).

use super::undo_toast::UndoSlot;
use crate::core::duplicates::{same_names, told_by};
use crate::core::model::PersonId;
use crate::core::route::Route;
use crate::store::AppState;
use crate::ui::hints;
use leptos::prelude::*;

/// Where "They are two people" is kept for a pair, whichever page it was said on.
fn two_people_key(a: &PersonId, b: &PersonId) -> String {
    let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    format!("cg-hint.two-people.{}.{}", first.0, second.0)
}

#[component]
pub fn AlsoSaved(id: PersonId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let undo = expect_context::<UndoSlot>();
    // Ticks when a pair is said to be two people, to look again.
    let answered = RwSignal::new(0u32);
    let other = {
        let id = id.clone();
        Memo::new(move |_| {
            answered.track();
            state.people.with(|people| {
                let this = people.get(&id)?;
                let other = same_names(people.values(), &this.name, Some(&id))
                    .into_iter()
                    .find(|o| !hints::settled(&two_people_key(&id, &o.id)))?;
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
            let key = two_people_key(&id, &other_id);
            let merge = move |_| {
                if let Some(merged) = state.merge_people(&id, &other_id) {
                    undo.offer(merged);
                }
            };
            let two = move |_| {
                hints::settle(&key);
                answered.update(|n| *n += 1);
            };
            view! {
                <section class="card duplicate-warning" aria-labelledby="also-saved-heading">
                    <h2 id="also-saved-heading">"Saved twice?"</h2>
                    <p>{line}</p>
                    <div class="row">
                        <button type="button" class="button" on:click=merge>"Merge into this one"</button>
                        <button type="button" class="button button-quiet" on:click=two>"They are two people"</button>
                    </div>
                    <p><a href=href>"See the other"</a></p>
                </section>
            }
        })
    }
}
