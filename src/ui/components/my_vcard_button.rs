//! "Save my contact card": my own card as a `.vcf` file, for someone whose phone has no Common Ground.

use super::vcard_button::vcf_file_name;
use crate::core::vcard::me_to_vcard;
use crate::store::AppState;
use crate::ui::download::download_text;
use leptos::prelude::*;

#[component]
pub fn MyVcardButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let export = move |_| {
        let me = state.me.get_untracked();
        download_text(
            &vcf_file_name(&me.name, "my-card"),
            "text/vcard",
            &me_to_vcard(&me),
        );
    };
    view! { <button type="button" class="button button-quiet" on:click=export>"Save my contact card"</button> }
}
