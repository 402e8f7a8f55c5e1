//! On an iPhone, in a browser tab, once the notebook holds people or events: Safari (and every
//! other iPhone browser, all WebKit) erases what a website keeps after seven days of browsing
//! without a visit (WebKit's tracking prevention), while an app on the Home Screen keeps its
//! own. Says so on Home, naming the browser, with a backup a tap away.

use super::backup_section::export_backup;
use crate::store::AppState;
use crate::ui::hints;
use crate::ui::platform::{browser_name, is_ios, is_standalone, this_in_app_browser};
use leptos::prelude::*;

/// Where "Not now" is kept (`ui::hints`).
const HIDDEN_UNTIL_KEY: &str = "cg-hint.safari-note";

/// Not inside another app's browser: there `InAppNote` says to leave it first, and "Add to
/// Home Screen" is not on offer.
fn due() -> bool {
    is_ios() && !is_standalone() && this_in_app_browser().is_none() && hints::due(HIDDEN_UNTIL_KEY)
}

#[component]
pub fn SafariNote() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Chrome and Firefox on an iPhone run on WebKit too, with the same limit.
    let browser = browser_name();
    let shown = RwSignal::new(due());
    let done = RwSignal::new(None::<String>);
    let not_now = move |_| {
        hints::quiet(HIDDEN_UNTIL_KEY);
        shown.set(false);
    };
    view! {
        <Show when=move || shown.get()>
            <section class="card banner-warning" aria-labelledby="safari-note-heading">
                <h2 id="safari-note-heading">{format!("{browser} may erase this notebook")}</h2>
                <p>{format!("On an iPhone, {browser} erases a website's data after 7 days of browsing without a visit. An app on your Home Screen keeps its own. To move there:")}</p>
                <ol>
                    <li>"Export backup (below)."</li>
                    <li>"Tap Share, then Add to Home Screen."</li>
                    <li>"Open it there: Settings, Import backup."</li>
                </ol>
                <div class="row">
                    <button type="button" class="button" on:click=move |_| done.set(Some(export_backup(state)))>
                        "Export backup"
                    </button>
                    <button type="button" class="button button-quiet" on:click=not_now>"Not now"</button>
                </div>
                <p role="status">{move || done.get()}</p>
            </section>
        </Show>
    }
}
