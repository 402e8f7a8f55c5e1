//! The app frame: state and router in context, the status area, the page for the route and
//! the bottom navigation.

use super::components::nav_bar::NavBar;
use super::components::page_unavailable::PageUnavailable;
use super::components::status_area::StatusArea;
use super::components::undo_toast::{UndoSlot, UndoToast};
use super::lazy_pages::{self as lazy, ChunkMissing};
use super::pages;
use super::router::provide_router;
use crate::core::route::Route;
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::load();
    provide_context(state);
    crate::store::sync::listen(state);
    provide_context(UndoSlot(RwSignal::new(None)));
    let route = provide_router();
    let update_ready = super::sw::register();
    super::components::theme::apply_theme(state);

    // Keyed on the route so moving between pages starts each at the top, as apps do.
    Effect::new(move |_| {
        route.track();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });

    let retry = RwSignal::new(0u32);
    view! {
        <header class="app-header">
            <a class="brand" href="#/">"Common Ground"</a>
        </header>
        <StatusArea update_ready=update_ready />
        <main id="main" class="page">
            {move || {
                retry.track();
                Suspend::new(page_for(route.get(), retry))
            }}
        </main>
        <UndoToast />
        <NavBar route=route />
    }
}

/// The page for a route: Home and the not-found page are in the main module, every other page
/// is fetched as a chunk the first time (see `lazy_pages`).
async fn page_for(route: Route, retry: RwSignal<u32>) -> AnyView {
    let page = match route {
        Route::Home => return view! { <pages::home::HomePage /> }.into_any(),
        Route::NotFound(path) => {
            return view! { <pages::not_found::NotFound path=path /> }.into_any()
        }
        Route::MyMap => lazy::my_map().await,
        Route::People => lazy::people().await,
        Route::AddPerson => lazy::person_form().await,
        Route::Person(id) => lazy::person(id).await,
        Route::Events => lazy::events().await,
        Route::Event(id) => lazy::event(id).await,
        Route::Share => lazy::share().await,
        Route::Settings => lazy::settings().await,
        Route::Received(payload) => lazy::received(payload).await,
        Route::Who(label) => lazy::who(label).await,
    };
    page.unwrap_or_else(|ChunkMissing| view! { <PageUnavailable retry=retry /> }.into_any())
}
