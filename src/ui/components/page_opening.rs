//! The page area while a page's chunk downloads: "Opening…", and for a shared map that names
//! its sender, whose map it is, read ahead from the link without the tables (format 3).

use crate::core::route::Route;
use crate::core::share::{peek_name, FRAGMENT_MAX_CHARS};
use leptos::prelude::*;

/// The heading is the received page's own ("Claire's map"), so nothing moves when it arrives.
#[component]
pub fn PageOpening(route: Route) -> impl IntoView {
    let sender = match &route {
        Route::Received(fragment) => link_bytes(fragment).and_then(|bytes| peek_name(&bytes)),
        _ => None,
    };
    // Someone new, opening a link: the line the boot screen showed stays while they wait.
    let about = sender.is_some().then(|| {
        view! {
            <p>"Common Ground keeps the people you meet and the interests you share, on your phone only."</p>
        }
    });
    view! {
        {sender.map(|name| view! { <h1>{format!("{name}'s map")}</h1> })}
        <p class="muted">"Opening…"</p>
        {about}
    }
}

/// A link's payload bytes by the browser's own base64 decoder: the base64 crate's engine would
/// add 3 KB to the main module, which every first visit downloads, for this one read-ahead.
fn link_bytes(fragment: &str) -> Option<Vec<u8>> {
    let base64url = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    if fragment.len() > FRAGMENT_MAX_CHARS || !fragment.bytes().all(base64url) {
        return None;
    }
    let standard = fragment.replace('-', "+").replace('_', "/");
    // atob gives one character per byte, each below 256.
    let binary = window().atob(&standard).ok()?;
    binary.chars().map(|c| u8::try_from(c).ok()).collect()
}
