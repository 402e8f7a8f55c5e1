//! On an iPhone, in a browser tab, once the notebook holds people or events: Safari (and every
//! other iPhone browser, all WebKit) erases what a website keeps after seven days of browsing
//! without a visit (WebKit's tracking prevention), while an app on the Home Screen keeps its
//! own. Says so on Home, naming the browser, with a backup a tap away.

use super::backup_section::export_backup;
use crate::core::sync_rules::{hint_due, hint_hidden_until};
use crate::store::clock::today;
use crate::store::AppState;
use crate::ui::platform::{browser_name, is_ios, is_standalone};
use leptos::prelude::*;

/// A flag outside the `cg.` records, like the Home Screen hint's: a reminder's state, not part
/// of the notebook, so backups and other tabs' records never carry it.
const HIDDEN_UNTIL_KEY: &str = "cg-hint.safari-note";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn due() -> bool {
    if !is_ios() || is_standalone() {
        return false;
    }
    let until = storage().and_then(|s| s.get_item(HIDDEN_UNTIL_KEY).ok().flatten());
    hint_due(until.as_deref(), &today())
}

#[component]
pub fn SafariNote() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Chrome and Firefox on an iPhone run on WebKit too, with the same limit.
    let browser = browser_name();
    let shown = RwSignal::new(due());
    let done = RwSignal::new(None::<String>);
    let not_now = move |_| {
        if let (Some(store), Some(until)) = (storage(), hint_hidden_until(&today())) {
            // If it cannot be stored the note comes back next time: better than never.
            store.set_item(HIDDEN_UNTIL_KEY, &until).ok();
        }
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
