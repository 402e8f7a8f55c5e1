//! "Install app", when the browser offers it (Chrome and Edge; never an iPhone, where Home's
//! erase warning says how to add the app to the Home Screen): on Home, with "Not now", and in
//! Settings. Installed, the app opens from the home screen like any other, signal or not.

use crate::core::sync_rules::{hint_due, hint_hidden_until};
use crate::store::clock::today;
use crate::ui::install::{install, offered};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where "Not now" is kept: outside the `cg.` records, like the other hints.
const HIDDEN_UNTIL_KEY: &str = "cg-hint.install";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

#[component]
pub fn InstallOffer(
    /// On Home the offer can be put off ("Not now", 30 days); in Settings it is always there.
    #[prop(optional)]
    on_home: bool,
) -> impl IntoView {
    let offered = offered();
    let quiet = RwSignal::new(
        on_home
            && !hint_due(
                storage()
                    .and_then(|s| s.get_item(HIDDEN_UNTIL_KEY).ok().flatten())
                    .as_deref(),
                &today(),
            ),
    );
    let not_now = move |_| {
        if let (Some(store), Some(until)) = (storage(), hint_hidden_until(&today())) {
            store.set_item(HIDDEN_UNTIL_KEY, &until).ok();
        }
        quiet.set(true);
    };
    let ask = move |_| {
        spawn_local(async move {
            install().await;
        })
    };
    view! {
        <Show when=move || offered.get() && !quiet.get()>
            <section class="card" aria-labelledby="install-heading">
                <h2 id="install-heading">"Install Common Ground"</h2>
                <p>"Open it from your home screen like any other app, with or without a signal."</p>
                <div class="row">
                    <button type="button" class="button" on:click=ask>"Install app"</button>
                    {on_home.then(|| view! {
                        <button type="button" class="button button-quiet" on:click=not_now>"Not now"</button>
                    })}
                </div>
            </section>
        </Show>
    }
}
