//! The page for a fragment that names nothing we know.

use leptos::prelude::*;

#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <h1>"Nothing here"</h1>
        <p>"There is no page at " <code>{format!("#/{path}")}</code> ". The link may be old or mistyped."</p>
        <p><a href="#/">"Go to Home"</a></p>
    }
}
