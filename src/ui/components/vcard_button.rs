//! "Add to phone contacts" for one person: their card as a `.vcf` file, which a phone opens as
//! a new contact (an iPhone at once; Android from the download). Named for what it is for, not
//! for the file format: "vCard" means nothing to most people at a WI evening.

use crate::core::model::PersonId;
use crate::core::vcard::person_to_vcard;
use crate::store::AppState;
use crate::ui::download::download_text;
use leptos::prelude::*;

/// A file name from a person's name: letters and digits kept, the rest made dashes, so it is
/// safe on every system ("Meg O'Brien" → "meg-o-brien.vcf").
pub fn vcf_file_name(name: &str, fallback: &str) -> String {
    let slug = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let slug: String = slug.chars().take(60).collect();
    format!("{}.vcf", if slug.is_empty() { fallback } else { &slug })
}

#[component]
pub fn VcardButton(id: PersonId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let export = move |_| {
        let Some(person) = state.people.with_untracked(|p| p.get(&id).cloned()) else {
            return;
        };
        download_text(
            &vcf_file_name(&person.name, "contact"),
            "text/vcard",
            &person_to_vcard(&person),
        );
    };
    view! { <button type="button" class="button button-quiet" on:click=export>"Add to phone contacts"</button> }
}
