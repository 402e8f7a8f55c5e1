//! On an iPhone, a map opened in a Safari tab lands in Safari's storage, not in the notebook of
//! the app on the Home Screen. Said once, plainly, with the way round it.

use super::copy_page_link::CopyPageLink;
use crate::ui::hints;
use crate::ui::platform::{is_ios, is_standalone, this_in_app_browser};
use leptos::prelude::*;

/// Said once (`ui::hints`).
const SEEN_KEY: &str = "cg-hint.home-screen";

/// Whether to show the note, marking it shown. Not inside another app's browser, where
/// `InAppNote` says what matters more.
fn first_time() -> bool {
    is_ios() && !is_standalone() && this_in_app_browser().is_none() && hints::first_time(SEEN_KEY)
}

#[component]
pub fn HomeScreenHint() -> impl IntoView {
    first_time().then(|| {
        view! {
            <div class="banner banner-info" role="note">
                <p>"Using Common Ground from your Home Screen? It keeps its own notebook: open it and tap Scan a code, or copy this link and paste it there."</p>
                <CopyPageLink
                    label="Copy this link"
                    copied="Link copied: paste it into Scan a code in the Home Screen app."
                    refused="Could not copy: copy the address from the address bar."
                />
            </div>
        }
    })
}
