//! The app frame: state and router in context, the header (with "Back" below the tabs), the
//! status area, the page for the route and the bottom navigation.

use super::components::nav_bar::NavBar;
use super::components::page_opening::PageOpening;
use super::components::page_unavailable::PageUnavailable;
use super::components::status_area::StatusArea;
use super::components::undo_toast::{UndoSlot, UndoToast};
use super::lazy_pages::{self as lazy, Chunk, ChunkMissing};
use super::pages;
use super::router::{go_back, provide_router};
use crate::core::route::Route;
use crate::store::{AppState, Opened};
use leptos::prelude::*;

/// The app, on what `AppState::open` read from storage.
#[component]
pub fn App(opened: Opened) -> impl IntoView {
    let state = AppState::new(opened);
    provide_context(state);
    crate::store::sync::listen(state);
    provide_context(UndoSlot(RwSignal::new(None)));
    let route = provide_router();
    let update_ready = super::sw::register();
    super::components::theme::apply_theme(state);

    // Keyed on the route so moving between pages starts each at the top, as apps do, and
    // Back returns to where the page was left (`router::arrival_scroll`).
    // A confirmation from the page before is stale on the next one.
    Effect::new(move |_| {
        route.track();
        let y = super::router::arrival_scroll();
        window().scroll_to_with_x_and_y(0.0, 0.0);
        if y > 0.0 {
            // The page is drawn after this runs: a place further down than the page before
            // reached is there in the next frame, before it is painted.
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, y));
        }
        state.page_changed();
    });

    fetch_in_background(state, &route.get_untracked());

    // `arrived` ticks when a page's chunk has been fetched; `retry` when "Try again" is tapped.
    let arrived = RwSignal::new(0u32);
    let retry = RwSignal::new(0u32);
    let failed = StoredValue::new(None::<(Chunk, u32)>);
    let page = move || {
        let route = route.get();
        let Some(chunk) = Chunk::of(&route) else {
            return main_module_page(route);
        };
        if let Some(page) = lazy::fetched(chunk) {
            // Not tracking `arrived` here: another chunk arriving must not redraw this page.
            return page(route);
        }
        arrived.track();
        let attempt = retry.get();
        if failed.get_value() == Some((chunk, attempt)) {
            return view! { <PageUnavailable retry=retry /> }.into_any();
        }
        leptos::task::spawn_local(async move {
            match lazy::fetch(chunk).await {
                Ok(_) => {
                    arrived.update(|n| *n += 1);
                    state.prefetch_codec();
                    let have_map = state.me.with_untracked(|m| !m.interests.is_empty());
                    if let Some(next) = chunk.leads_to(have_map) {
                        // A failure here is reported by the next page, if it is opened.
                        leptos::task::spawn_local(async move {
                            let _ = lazy::fetch(next).await;
                        });
                    }
                }
                Err(ChunkMissing) => {
                    failed.set_value(Some((chunk, attempt)));
                    arrived.update(|n| *n += 1);
                }
            }
        });
        view! { <PageOpening route=route /> }.into_any()
    };

    view! {
        <header class="app-header">
            {move || {
                route
                    .with(|r| r.parent())
                    .map(|parent| {
                        view! {
                            <button type="button" class="back-button" on:click=move |_| go_back(&parent)>
                                "Back"
                            </button>
                        }
                    })
            }}
            <a class="brand" href="#/">"Common Ground"</a>
        </header>
        <StatusArea update_ready=update_ready />
        <main id="main" class="page">
            {page}
        </main>
        <UndoToast />
        <NavBar route=route />
    }
}

/// What a start fetches before anyone asks.
///
/// The record codec: a start with nothing stored needs none to show Home, and any page that
/// can save fetches it first anyway, but a save should find it here. Served by the worker, it
/// costs CPU, not the line, so it waits for Home's first frame (compiling it meanwhile made an
/// offline start at 4× CPU answer a tap some 20 ms later); on a first visit it costs the line,
/// where starting at once is what helps the first tap.
///
/// The pages Home points at (My map, Add person, the quick map, the scan page: the "starting"
/// group), then the other everyday pages (People, Events…), on a first visit only: the line is
/// free once Home is drawn and the worker would soon download every chunk anyway, so these come
/// first and a first tap on one of them finds it here. Served by the worker, they would cost
/// CPU a tap must not wait behind.
///
/// Nothing on a shared link: a first-time receiver's slow network should carry the received
/// map first (the sender's name is on screen already, read ahead from the link: `PageOpening`).
fn fetch_in_background(state: AppState, route: &Route) {
    if matches!(route, Route::Received(_)) {
        return;
    }
    if super::sw::controlled() {
        after_first_frame(move || state.prefetch_codec());
    } else {
        state.prefetch_codec();
        after_first_frame(|| {
            leptos::task::spawn_local(async {
                // A failure here is reported by the page that needs the chunk, if any. One
                // group after the other: the pages Home points at must not share the line.
                let _ = lazy::fetch(Chunk::MyMap).await;
                let _ = lazy::fetch(Chunk::People).await;
            })
        });
    }
}

/// Runs `f` once the next frame has been drawn.
fn after_first_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// The pages compiled into the main module: Home, which a first visit opens, and the
/// not-found page.
fn main_module_page(route: Route) -> AnyView {
    match route {
        Route::NotFound(path) => view! { <pages::not_found::NotFound path=path /> }.into_any(),
        _ => view! { <pages::home::HomePage /> }.into_any(),
    }
}
