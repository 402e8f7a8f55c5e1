//! "Install app", when the browser offers it (Chrome and Edge; never an iPhone, where Home's
//! erase warning says how to add the app to the Home Screen): on Home, with "Not now", and in
//! Settings. Installed, the app opens from the home screen like any other, signal or not.

use crate::ui::hints;
use crate::ui::install::{install, offered};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where "Not now" is kept (`ui::hints`).
const HIDDEN_UNTIL_KEY: &str = "cg-hint.install";

#[component]
pub fn InstallOffer(
    /// On Home the offer can be put off ("Not now", 30 days); in Settings it is always there.
    #[prop(optional)]
    on_home: bool,
) -> impl IntoView {
    let offered = offered();
    let quiet = RwSignal::new(on_home && !hints::due(HIDDEN_UNTIL_KEY));
    let not_now = move |_| {
        hints::quiet(HIDDEN_UNTIL_KEY);
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
