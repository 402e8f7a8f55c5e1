//! Opened inside LinkedIn, Facebook, Instagram…: that app's own browser keeps what is saved
//! apart from the phone's browser and the Common Ground app, and may clear it. Said on Home and
//! on a received map, with the way out: open the page in a browser.

use crate::ui::platform::this_in_app_browser;
use leptos::prelude::*;

/// Words only: Home's note is in the main module, which every first visit downloads (a
/// received map puts "Copy the link" under it itself; as a child here it cost 2.5 KB gzip).
#[component]
pub fn InAppNote() -> impl IntoView {
    this_in_app_browser().map(|app| {
        view! {
            <div class="banner banner-warning" role="note">
                <p>
                    {format!("You are in {app}'s own browser. What you save here stays inside {app}, apart from your phone's browser and the Common Ground app, and may be lost.")}
                </p>
                <p>"Open it in your browser first: look for “Open in browser” (or “Open in Safari”) under ⋯ or ⋮."</p>
            </div>
        }
    })
}
