//! A map received by link.

use leptos::prelude::*;

#[component]
pub fn ReceivedPage(payload: String) -> impl IntoView {
    let _ = payload;
    view! {
        <h1>"A shared map"</h1>
        <p>"Opening shared maps is not built yet."</p>
    }
}
