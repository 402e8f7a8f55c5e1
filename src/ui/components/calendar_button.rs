//! "Export to calendar": the open, dated follow-ups of some people as an `.ics` file a phone's
//! calendar imports. The writer (`ui::calendar_export`) lives in the everyday chunk, so Home,
//! which shows this button, does not make the first visit download it.

use crate::core::dates::days_of;
use crate::core::model::PersonId;
use crate::store::AppState;
use leptos::prelude::*;

/// Exports the follow-ups of `person`, or of everyone when it is `None`. Hidden while there is
/// nothing to export.
#[component]
pub fn CalendarButton(#[prop(optional)] person: Option<PersonId>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let any = {
        let person = person.clone();
        Memo::new(move |_| {
            state.people.with(|people| {
                people
                    .values()
                    .filter(|p| person.as_ref().is_none_or(|id| *id == p.id))
                    .flat_map(|p| p.follow_ups.iter())
                    .any(|f| !f.done && days_of(&f.due).is_some())
            })
        })
    };
    let failed = RwSignal::new(false);
    view! {
        <Show when=move || any.get()>
            <button
                type="button"
                class="button button-quiet"
                on:click={
                    let person = person.clone();
                    move |_| {
                        let person = person.clone();
                        leptos::task::spawn_local(async move {
                            let done = crate::ui::calendar_export::export_calendar(state, person).await;
                            failed.set(done.is_err());
                        });
                    }
                }
            >
                "Export to calendar"
            </button>
        </Show>
        <Show when=move || failed.get()>
            <p class="field-error" role="alert">
                "The calendar export is not downloaded yet. Connect to the internet once, then try again."
            </p>
        </Show>
    }
}
