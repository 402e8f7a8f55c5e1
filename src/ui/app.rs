//! The app frame: state and router in context, the status area, the page for the route and
//! the bottom navigation.

use super::components::nav_bar::NavBar;
use super::components::status_area::StatusArea;
use super::components::undo_toast::{UndoSlot, UndoToast};
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

    view! {
        <header class="app-header">
            <a class="brand" href="#/">"Common Ground"</a>
        </header>
        <StatusArea update_ready=update_ready />
        <main id="main" class="page">
            {move || match route.get() {
                Route::Home => view! { <pages::home::HomePage /> }.into_any(),
                Route::MyMap => view! { <pages::my_map::MyMapPage /> }.into_any(),
                Route::People => view! { <pages::people::PeoplePage /> }.into_any(),
                Route::AddPerson => view! { <pages::person_form::PersonForm /> }.into_any(),
                Route::Person(id) => view! { <pages::person::PersonPage id=id /> }.into_any(),
                Route::Events => view! { <pages::events::EventsPage /> }.into_any(),
                Route::Event(id) => view! { <pages::event::EventPage id=id /> }.into_any(),
                Route::Share => view! { <pages::share::SharePage /> }.into_any(),
                Route::Settings => view! { <pages::settings::SettingsPage /> }.into_any(),
                Route::Received(payload) => {
                    view! { <pages::received::ReceivedPage payload=payload /> }.into_any()
                }
                Route::Who(label) => view! { <pages::who::WhoPage label=label /> }.into_any(),
                Route::NotFound(path) => view! { <pages::not_found::NotFound path=path /> }.into_any(),
            }}
        </main>
        <UndoToast />
        <NavBar route=route />
    }
}
