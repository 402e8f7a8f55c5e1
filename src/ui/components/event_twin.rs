//! "Chamber breakfast is already noted for today": shown instead of creating a meeting that is
//! already there (a second tap on "Another meeting of", a second phone's tab), with Open it and
//! Create another.

use crate::core::model::EventId;
use crate::core::route::Route;
use crate::ui::router::navigate;
use leptos::prelude::*;

#[component]
pub fn EventTwin(
    event: EventId,
    /// What the card says, "“Chamber breakfast” is already noted for today."
    text: String,
    on_create_anyway: Callback<()>,
    /// Run before the meeting opens: what was typed for it is done with.
    on_open: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="card duplicate-warning" role="alert">
            <p>{text}</p>
            <div class="row">
                <button type="button" class="button" on:click=move |_| {
                    on_open.run(());
                    navigate(&Route::Event(event.clone()));
                }>
                    "Open it"
                </button>
                <button type="button" class="button button-quiet" on:click=move |_| on_create_anyway.run(())>
                    "Create another"
                </button>
            </div>
        </div>
    }
}
