//! The one status area: storage problems, the latest notice, and "a new version is ready".

use crate::store::{AppState, NoticeKind, Persistence};
use leptos::prelude::*;

#[component]
pub fn StatusArea(update_ready: ReadSignal<bool>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let persistence = move || {
        match state.persistence.get() {
        Persistence::Saving => None,
        Persistence::MemoryOnly => Some(
            "This browser is not letting the app save (storage is disabled or in a private mode). You can use it, but everything is lost when this tab closes: export a backup from Settings before you leave.".to_string(),
        ),
        Persistence::NewerData { .. } => Some(
            "Your saved data was written by a newer version of Common Ground. To keep it safe nothing is saved here: reload to get the newer version.".to_string(),
        ),
    }
    };
    view! {
        <div class="status-area" role="status" aria-live="polite">
            {move || persistence().map(|text| view! { <p class="banner banner-warning">{text}</p> })}
            {move || {
                state
                    .notice
                    .get()
                    .map(|n| {
                        let class = match n.kind {
                            NoticeKind::Success | NoticeKind::Info => "banner banner-info",
                            NoticeKind::Warning => "banner banner-warning",
                            NoticeKind::Error => "banner banner-error",
                        };
                        view! {
                            <div class=class>
                                <p>{n.text}</p>
                                <button type="button" class="link-button" on:click=move |_| state.notice.set(None)>
                                    "Dismiss"
                                </button>
                            </div>
                        }
                    })
            }}
            <Show when=move || update_ready.get()>
                <div class="banner banner-info">
                    <p>"A new version is ready."</p>
                    <button type="button" class="button" on:click=move |_| crate::ui::sw::apply_update()>
                        "Reload"
                    </button>
                </div>
            </Show>
        </div>
    }
}
