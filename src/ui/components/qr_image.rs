//! A QR code of a link, as an SVG image with the accessible name "QR code", and "Bigger code":
//! the code alone on a white screen, as big as the phone allows, with the screen kept on —
//! for a camera in a dim room or an arm's length away. The phone's Back closes it, as Back
//! closes any full-screen view in a phone's own apps, rather than leaving the page under it.

use crate::core::qr::qr_svg;
use crate::ui::web_share::{keep_screen_on, let_screen_sleep};
use base64::Engine;
use leptos::html::Button;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

/// The history state of the entry the full-screen code pushes.
const FULL_SCREEN: &str = "cg-full-screen-code";

#[component]
pub fn QrImage(#[prop(into)] text: Signal<String>) -> impl IntoView {
    let src = Memo::new(move |_| {
        // The SVG is drawn by our own code from module positions: no user text is inside it.
        qr_svg(&text.get()).ok().map(|qr| {
            format!(
                "data:image/svg+xml;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(qr.svg.as_bytes())
            )
        })
    });
    let full = RwSignal::new(false);
    let opener = NodeRef::<Button>::new();
    let closer = NodeRef::<Button>::new();
    let lock = StoredValue::new_local(JsValue::NULL);
    let open = move || {
        full.set(true);
        // An entry of its own, at the same address, for Back to take away (no `hashchange`:
        // the router sees nothing).
        if let Ok(history) = window().history() {
            let _ = history.push_state(&JsValue::from_str(FULL_SCREEN), "");
        }
        spawn_local(async move {
            let held = keep_screen_on().await;
            // Closed while the browser was deciding: give it straight back.
            if full.get_untracked() {
                lock.set_value(held);
            } else {
                let_screen_sleep(&held);
            }
        });
    };
    let shut = move || {
        if !full.get_untracked() {
            return;
        }
        full.set(false);
        let_screen_sleep(&lock.get_value());
        lock.set_value(JsValue::NULL);
        if let Some(b) = opener.get_untracked() {
            let _ = b.focus();
        }
    };
    // Closed by its button, a tap or Escape: its history entry goes too, so the next Back
    // leaves the page as it would have before.
    let close = move || {
        shut();
        if let Ok(history) = window().history() {
            if history.state().ok().and_then(|s| s.as_string()).as_deref() == Some(FULL_SCREEN) {
                let _ = history.back();
            }
        }
    };
    let back = window_event_listener(leptos::ev::popstate, move |_| shut());
    // Escape closes; Tab stays on Close, the dialog's one control, rather than wandering
    // into the page hidden behind it.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !full.get_untracked() {
            return;
        }
        match ev.key().as_str() {
            "Escape" => close(),
            "Tab" => {
                ev.prevent_default();
                if let Some(b) = closer.get_untracked() {
                    let _ = b.focus();
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || {
        keys.remove();
        back.remove();
    });
    Effect::new(move |_| {
        if full.get() {
            if let Some(b) = closer.get() {
                let _ = b.focus();
            }
        }
    });
    move || {
        match src.get() {
        Some(src) => view! {
            <img class="qr" src=src.clone() alt="QR code" width="280" height="280" on:click=move |_| open() />
            <p class="qr-bigger">
                <button type="button" class="button button-quiet" node_ref=opener on:click=move |_| open()>
                    "Bigger code"
                </button>
            </p>
            <Show when=move || full.get()>
                <div class="qr-full" role="dialog" aria-modal="true" aria-label="The code, full screen" on:click=move |_| close()>
                    <img class="qr-full-image" src=src.clone() alt="QR code, full screen" />
                    <button
                        type="button"
                        class="button"
                        node_ref=closer
                        on:click=move |ev| {
                            ev.stop_propagation();
                            close();
                        }
                    >
                        "Close"
                    </button>
                </div>
            </Show>
        }
        .into_any(),
        None => view! {
            <p class="banner banner-warning">"This link is too long for a QR code. Untick some interests to shorten it."</p>
        }
        .into_any(),
    }
    }
}
