//! On an iPhone's Home Screen app with an empty notebook: iOS keeps this app's storage apart
//! from Safari's, so a notebook started in Safari has to be carried over by a backup.

use leptos::prelude::*;

#[component]
pub fn BringFromSafari() -> impl IntoView {
    view! {
        <section class="card">
            <h2>"Bring your notebook from Safari"</h2>
            <p>"Started Common Ground in Safari? This Home Screen app keeps a notebook of its own. To bring yours here:"</p>
            <ol>
                <li>"In Safari, open Common Ground, go to Settings and tap Export backup."</li>
                <li>"Here, go to " <a href="#/settings">"Settings"</a> ", tap Import backup and choose that file."</li>
            </ol>
        </section>
    }
}
