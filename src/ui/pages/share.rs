//! Share my map.

use leptos::prelude::*;

#[component]
pub fn SharePage() -> impl IntoView {
    view! {
        <h1>"Share my map"</h1>
        <p>"Sharing by link is not built yet."</p>
    }
}
