//! Shown in place of a page whose chunk could not be fetched, with a way to try again.

use leptos::prelude::*;

#[component]
pub fn PageUnavailable(retry: RwSignal<u32>) -> impl IntoView {
    view! {
        <section class="card" role="alert">
            <h1>"This page is not on this phone yet"</h1>
            <p>
                "It is downloaded the first time it is opened, and this phone seems to be offline. "
                "Everything you saved is safe. Connect and try again; once it has opened, it works offline too."
            </p>
            <button type="button" on:click=move |_| retry.update(|n| *n += 1)>"Try again"</button>
        </section>
    }
}
