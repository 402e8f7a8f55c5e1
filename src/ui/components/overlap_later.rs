//! "What you share" on a received map, fetched apart from the page: the Venn and the starters
//! live in the "sharing" chunk group with the other Venn pages, while the received page is in
//! "receiving". A first-time receiver, who has no map to overlap, never waits for them; anyone
//! with a map has had them precached by the service worker since their first visit.

use crate::core::model::Interest;
use crate::store::record_chunk::ChunkMissing;
use crate::store::AppState;
use crate::ui::components::overlap_view::OverlapView;
use leptos::prelude::*;
use leptos::wasm_split::wasm_split;
use std::cell::Cell;

/// Draws the overlap of my map with `theirs`, named `name`.
pub type OverlapFn = fn(String, Vec<Interest>) -> AnyView;

thread_local! {
    static FETCHED: Cell<Option<OverlapFn>> = const { Cell::new(None) };
}

#[wasm_split(sharing, wasm_split_path = ::leptos::wasm_split, fallible)]
fn overlap_part() -> Result<OverlapFn, ChunkMissing> {
    Ok(|name, theirs| {
        let state = expect_context::<AppState>();
        view! {
            <OverlapView
                name=Signal::derive(move || name.clone())
                mine=Signal::derive(move || state.me.with(|m| m.interests.clone()))
                theirs=Signal::derive(move || theirs.clone())
            />
        }
        .into_any()
    })
}

#[component]
pub fn OverlapLater(name: String, theirs: Vec<Interest>) -> impl IntoView {
    let drawn = RwSignal::new(FETCHED.get());
    let failed = RwSignal::new(false);
    if drawn.get_untracked().is_none() {
        leptos::task::spawn_local(async move {
            match overlap_part().await {
                Ok(f) => {
                    FETCHED.set(Some(f));
                    drawn.set(Some(f));
                }
                Err(ChunkMissing) => failed.set(true),
            }
        });
    }
    move || {
        match drawn.get() {
        Some(draw) => draw(name.clone(), theirs.clone()),
        None if failed.get() => view! {
            <p class="muted">"What you share could not be worked out offline: connect once and open this link again."</p>
        }
        .into_any(),
        None => view! { <p class="muted">"Working out what you share…"</p> }.into_any(),
    }
    }
}
