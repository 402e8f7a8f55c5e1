//! A router on the URL fragment: `hashchange` drives a signal of the current route.
//!
//! leptos_router has no hash mode, and path routing would need server rewrites on a static
//! host; the fragment also keeps share payloads away from any server.

use crate::core::route::Route;
use leptos::prelude::*;

/// The current route, kept in context by the app frame.
#[derive(Clone, Copy)]
pub struct CurrentRoute(pub ReadSignal<Route>);

pub fn current_route() -> Route {
    Route::parse(&location_hash().unwrap_or_default())
}

/// Starts listening to `hashchange`; call once from the app frame.
pub fn provide_router() -> ReadSignal<Route> {
    let (route, set_route) = signal(current_route());
    // The listener lives as long as the page: the app frame is never unmounted.
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(current_route());
    });
    std::mem::forget(handle);
    provide_context(CurrentRoute(route));
    route
}

/// Navigates by setting the fragment, so the back button and reload both work.
pub fn navigate(route: &Route) {
    let _ = window().location().set_hash(&route.to_hash());
}
