//! Settings › Storage: how much space the app uses, and asking the browser to keep the data.

use crate::core::sync_rules::{near_full, LOCAL_QUOTA_CHARS};
use crate::store::usage::{self, near_full_text, percent, Usage};
use crate::store::AppState;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// A size for people: "12.3 KB", "4.9 MB".
fn size(units: f64) -> String {
    if units < 1024.0 * 1024.0 {
        format!("{:.1} KB", units / 1024.0)
    } else if units < 1024.0 * 1024.0 * 1024.0 {
        format!("{:.1} MB", units / 1_048_576.0)
    } else {
        format!("{:.1} GB", units / 1_073_741_824.0)
    }
}

#[component]
pub fn StorageSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let usage = expect_context::<Usage>();
    let estimate = RwSignal::new(None::<(f64, f64)>);
    let asking = RwSignal::new(false);
    // Counted afresh on opening the page: cheap enough once, and exact.
    state.recount_storage();
    spawn_local(async move {
        estimate.set(usage::estimate().await);
    });

    let local = move || {
        usage.local_chars.get().map(|used| {
            format!(
                "Your data: {} of about {} ({}%). Browsers give each site about 5 MB of this kind of storage (local storage), counted apart from the figure below.",
                size(used as f64),
                size(LOCAL_QUOTA_CHARS as f64),
                percent(used)
            )
        })
    };
    let warning = move || {
        usage
            .local_chars
            .get()
            .filter(|used| near_full(*used))
            .map(near_full_text)
    };
    let site = move || {
        estimate.get().map(|(used, quota)| {
            format!(
                "The app itself, kept for offline use: {} used of {} the browser allows.",
                size(used),
                size(quota)
            )
        })
    };
    let persisted = move || {
        match usage.persisted.get() {
        Some(true) => "This browser has agreed to keep the data.",
        Some(false) => "Not kept for sure yet. Some browsers only agree for sites you use often or add to the home screen; meanwhile, export a backup now and then.",
        None => "This browser does not say whether it will keep the data; export a backup now and then.",
    }
    };
    let keep = move |_| {
        asking.set(true);
        spawn_local(async move {
            usage.keep().await;
            asking.set(false);
        });
    };

    view! {
        <section aria-labelledby="storage-heading">
            <h2 id="storage-heading">"Storage"</h2>
            {move || local().map(|t| view! { <p>{t}</p> })}
            {move || warning().map(|t| view! { <p class="banner banner-warning">{t}</p> })}
            {move || site().map(|t| view! { <p class="muted">{t}</p> })}
            <p>
                "Some browsers delete a site's saved data after some days without a visit, or when the device is short of space. \"Keep my data\" asks this browser to keep it."
            </p>
            <p>{persisted}</p>
            <button type="button" class="button" on:click=keep disabled=move || asking.get()>
                "Keep my data"
            </button>
        </section>
    }
}
