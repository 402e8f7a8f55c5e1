//! The undo toast after deleting a person: ten seconds to put them back exactly as they were.

use crate::core::document::RemovedPerson;
use crate::store::AppState;
use leptos::prelude::*;
use std::time::Duration;

/// The last deletion that can still be undone; provided by the app frame.
#[derive(Clone, Copy)]
pub struct UndoSlot(pub RwSignal<Option<(u64, RemovedPerson)>>);

impl UndoSlot {
    /// Offers an undo for ten seconds. Each offer gets a serial number, so an older timer
    /// cannot close a newer offer.
    pub fn offer(self, removed: RemovedPerson) {
        let serial = self
            .0
            .with_untracked(|o| o.as_ref().map(|(s, _)| s + 1).unwrap_or(1));
        self.0.set(Some((serial, removed)));
        set_timeout(
            move || {
                if self
                    .0
                    .with_untracked(|o| o.as_ref().map(|(s, _)| *s) == Some(serial))
                {
                    self.0.set(None);
                }
            },
            Duration::from_secs(10),
        );
    }
}

#[component]
pub fn UndoToast() -> impl IntoView {
    let state = expect_context::<AppState>();
    let slot = expect_context::<UndoSlot>();
    view! {
        {move || {
            slot.0
                .get()
                .map(|(_, removed)| {
                    let text = format!("Deleted {}.", removed.person.name);
                    view! {
                        <div class="toast" role="status">
                            <span>{text}</span>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    if let Some((_, removed)) = slot.0.get_untracked() {
                                        slot.0.set(None);
                                        let id = removed.person.id.clone();
                                        state.restore_person(removed);
                                        crate::ui::router::navigate(&crate::core::route::Route::Person(id));
                                    }
                                }
                            >
                                "Undo"
                            </button>
                        </div>
                    }
                })
        }}
    }
}
