//! "Deleted “Send the article”. Undo" under a list of follow-ups: the follow-up deleted last,
//! put back where it was, in its person's list.

use crate::core::model::{FollowUp, PersonId};
use crate::store::AppState;
use leptos::prelude::*;

/// A follow-up deleted from a list: whose, where it was, and itself.
pub type Removed = (PersonId, usize, FollowUp);

#[component]
pub fn FollowUpUndo(removed: RwSignal<Option<Removed>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        removed.get().map(|(id, i, f)| {
            let words = format!("Deleted “{}”.", f.text);
            view! {
                <p class="row" role="status">
                    <span>{words}</span>
                    <button
                        type="button"
                        class="link-button"
                        on:click=move |_| {
                            removed.set(None);
                            let f = f.clone();
                            state.change_follow_ups(&id, move |l| l.insert(i.min(l.len()), f));
                        }
                    >
                        "Undo"
                    </button>
                </p>
            }
        })
    }
}
