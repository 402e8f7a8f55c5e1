//! The undo toast after deleting a person or an event, or merging two records of a person: ten
//! seconds to put them back exactly as they were.

use crate::core::document::{RemovedEvent, RemovedPerson};
use crate::core::duplicates::MergedPeople;
use crate::core::route::Route;
use crate::store::AppState;
use crate::ui::router::navigate;
use leptos::prelude::*;
use std::time::Duration;

/// What a deletion took, or a merge changed, to put back.
#[derive(Clone, Debug)]
pub enum Removed {
    Person(RemovedPerson),
    Event(RemovedEvent),
    Merged(Box<MergedPeople>),
}

impl From<MergedPeople> for Removed {
    fn from(merged: MergedPeople) -> Self {
        Removed::Merged(Box::new(merged))
    }
}

impl From<RemovedPerson> for Removed {
    fn from(removed: RemovedPerson) -> Self {
        Removed::Person(removed)
    }
}

impl From<RemovedEvent> for Removed {
    fn from(removed: RemovedEvent) -> Self {
        Removed::Event(removed)
    }
}

impl Removed {
    /// What the toast says was done.
    fn said(&self) -> String {
        match self {
            Removed::Person(r) => format!("Deleted {}.", r.person.name),
            Removed::Event(r) => format!("Deleted {}.", r.event.name),
            Removed::Merged(m) => format!("Merged the two records of {}.", m.kept.name),
        }
    }

    /// Puts it back, and opens its page.
    fn restore(self, state: AppState) {
        let page = match self {
            Removed::Person(r) => {
                let id = r.person.id.clone();
                state.restore_person(r);
                Route::Person(id)
            }
            Removed::Event(r) => {
                let id = r.event.id.clone();
                state.restore_event(r);
                Route::Event(id)
            }
            Removed::Merged(m) => {
                let id = m.kept.id.clone();
                state.undo_merge(*m);
                Route::Person(id)
            }
        };
        navigate(&page);
    }
}

/// The last deletion that can still be undone; provided by the app frame.
#[derive(Clone, Copy)]
pub struct UndoSlot(pub RwSignal<Option<(u64, Removed)>>);

impl UndoSlot {
    /// Offers an undo for ten seconds. Each offer gets a serial number, so an older timer
    /// cannot close a newer offer.
    pub fn offer(self, removed: impl Into<Removed>) {
        let serial = self
            .0
            .with_untracked(|o| o.as_ref().map(|(s, _)| s + 1).unwrap_or(1));
        self.0.set(Some((serial, removed.into())));
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
                    let text = removed.said();
                    view! {
                        <div class="toast" role="status">
                            <span>{text}</span>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| {
                                    if let Some((_, removed)) = slot.0.get_untracked() {
                                        slot.0.set(None);
                                        removed.restore(state);
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
