//! The bottom navigation: five destinations within thumb reach.

use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn NavBar(route: ReadSignal<Route>) -> impl IntoView {
    let item = move |href: &'static str, label: &'static str, active: fn(&Route) -> bool| {
        view! {
            <a
                href=href
                class="nav-item"
                aria-current=move || route.with(|r| active(r).then_some("page"))
            >
                {label}
            </a>
        }
    };
    view! {
        <nav class="nav-bar" aria-label="Main">
            {item("#/", "Home", |r| matches!(r, Route::Home | Route::FollowUps))}
            {item("#/map", "My map", |r| matches!(r, Route::MyMap | Route::Share))}
            {item(
                "#/people",
                "People",
                |r| matches!(r, Route::People | Route::Person(_) | Route::AddPerson | Route::Who(_)),
            )}
            {item("#/events", "Events", |r| matches!(r, Route::Events | Route::Event(_)))}
            {item("#/settings", "Settings", |r| matches!(r, Route::Settings))}
        </nav>
    }
}
