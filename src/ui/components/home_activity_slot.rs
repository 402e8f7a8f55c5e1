//! The place on Home where its activity (`components::home_activity`) appears once the
//! "home" chunk group that holds it has arrived.

use crate::ui::lazy_pages::{home_activity, ChunkMissing, ViewFn};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Whether the activity's chunk is here, on its way, or could not be fetched.
#[derive(Clone, Copy)]
enum Slot {
    Idle,
    Loading,
    Ready(ViewFn),
    Missing,
}

/// Fetches Home's activity when there is something to show, and draws it.
#[derive(Clone, Copy)]
pub struct HomeActivitySlot(RwSignal<Slot>);

impl HomeActivitySlot {
    pub fn new() -> Self {
        // Once fetched, the chunk's function is kept: coming back to Home draws it at once.
        let slot = match crate::ui::lazy_pages::home_activity_fetched() {
            Some(view) => Slot::Ready(view),
            None => Slot::Idle,
        };
        HomeActivitySlot(RwSignal::new(slot))
    }

    /// Starts the fetch unless it is done or under way.
    pub fn load(self) {
        if matches!(self.0.get_untracked(), Slot::Ready(_) | Slot::Loading) {
            return;
        }
        self.0.set(Slot::Loading);
        spawn_local(async move {
            let next = match home_activity().await {
                Ok(view) => Slot::Ready(view),
                Err(ChunkMissing) => Slot::Missing,
            };
            self.0.set(next);
        });
    }

    /// What Home shows under its buttons; `has_activity` is false for an empty notebook.
    pub fn view(self, has_activity: bool) -> AnyView {
        match self.0.get() {
            Slot::Ready(view) if has_activity => view(),
            _ if !has_activity => view! {
                <section>
                    <h2>"Recent people"</h2>
                    <p class="muted">"Nobody yet. People you add appear here."</p>
                </section>
            }
            .into_any(),
            Slot::Missing => view! {
                <section class="card" role="alert">
                    <p>"Your follow-ups and recent people could not be shown: this part of the app is not on this phone yet. Everything you saved is safe."</p>
                    <button type="button" class="button" on:click=move |_| self.load()>"Try again"</button>
                </section>
            }
            .into_any(),
            _ => ().into_any(),
        }
    }
}

impl Default for HomeActivitySlot {
    fn default() -> Self {
        Self::new()
    }
}
