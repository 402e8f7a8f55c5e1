//! "Already saved: Priya Shah (met at …)" with Open / Add anyway / Merge, shown instead of
//! saving when someone of the same name is already saved.

use crate::core::duplicates::already_saved;
use crate::core::model::PersonId;
use crate::core::route::Route;
use crate::store::AppState;
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn DuplicateWarning(
    existing: PersonId,
    on_add_anyway: Callback<()>,
    on_merge: Callback<()>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let text = state.people.with_untracked(|people| {
        state.events.with_untracked(|events| {
            people
                .get(&existing)
                .map(|p| already_saved(p, events))
                .unwrap_or_default()
        })
    });
    view! {
        <div class="card duplicate-warning" role="alert">
            <p>{text}</p>
            <div class="row">
                <button type="button" class="button button-quiet" on:click=move |_| navigate(&Route::Person(existing.clone()))>
                    "Open"
                </button>
                <button type="button" class="button button-quiet" on:click=move |_| on_add_anyway.run(())>
                    "Add anyway"
                </button>
                <button type="button" class="button" on:click=move |_| on_merge.run(())>
                    "Merge"
                </button>
            </div>
        </div>
    }
}
