//! A QR code of a link, as an SVG image with the accessible name "QR code".

use crate::core::qr::qr_svg;
use base64::Engine;
use leptos::prelude::*;

#[component]
pub fn QrImage(#[prop(into)] text: Signal<String>) -> impl IntoView {
    move || {
        match qr_svg(&text.get()) {
        // The SVG is drawn by our own code from module positions: no user text is inside it.
        Ok(qr) => {
            let src = format!(
                "data:image/svg+xml;base64,{}",
                base64::engine::general_purpose::STANDARD.encode(qr.svg.as_bytes())
            );
            view! { <img class="qr" src=src alt="QR code" width="280" height="280" /> }.into_any()
        }
        Err(_) => view! {
            <p class="banner banner-warning">"This link is too long for a QR code. Untick some interests to shorten it."</p>
        }
        .into_any(),
    }
    }
}
