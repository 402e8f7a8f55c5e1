//! The contacts read from a vCard file, listed before any is saved, with "Import N people".
//! A card whose name matches someone already saved is marked, and merged into them unless the
//! user unticks "Merge with …".

use crate::core::model::PersonId;
use crate::core::vcard::ImportedCard;
use crate::ui::format::join_present;
use leptos::prelude::*;

/// One card as the preview shows it, and whether it is already saved here.
#[derive(Clone, Debug)]
pub struct CardRow {
    pub card: ImportedCard,
    /// The card's UID is the id of someone already saved (a card this app exported).
    pub already_here: bool,
    /// Someone saved here under the same name (id and name): a likely duplicate.
    pub same_name: Option<(PersonId, String)>,
    /// Whether to merge the card into that person rather than add a new one (the default).
    pub merge: RwSignal<bool>,
}

#[component]
pub fn VcardPreview(
    file: String,
    rows: Vec<CardRow>,
    on_import: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let new = rows.iter().filter(|r| !r.already_here).count();
    let button = match new {
        1 => "Import 1 person".to_string(),
        n => format!("Import {n} people"),
    };
    let items = rows
        .into_iter()
        .map(|row| {
            let c = row.card;
            let interests = c
                .interests
                .iter()
                .map(|i| i.label.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            let detail = join_present(&[c.what.as_str(), interests.as_str()], " · ");
            view! {
                <li>
                    <span class="person-name">{c.name}</span>
                    {(!detail.is_empty()).then(|| view! { <span class="person-what">{format!(" — {detail}")}</span> })}
                    {row.already_here.then(|| view! { <span class="muted">" (already saved here: skipped)"</span> })}
                    {(!row.already_here)
                        .then_some(row.same_name)
                        .flatten()
                        .map(|(_, saved)| {
                            let merge = row.merge;
                            view! {
                                <span class="muted">{format!(" (likely already saved as {saved})")}</span>
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || merge.get()
                                        on:change=move |ev| merge.set(event_target_checked(&ev))
                                    />
                                    <span>{format!("Merge with {saved}")}</span>
                                </label>
                            }
                        })}
                    {(!c.warnings.is_empty())
                        .then(|| {
                            view! {
                                <ul class="muted">
                                    {c.warnings.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}
                                </ul>
                            }
                        })}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="card" role="region" aria-label="Contacts preview">
            <h3>"Before you import"</h3>
            <p>{format!("In {file}:")}</p>
            <ul>{items}</ul>
            <div class="row">
                <button type="button" class="button" disabled=new == 0 on:click=move |_| on_import.run(())>
                    {button}
                </button>
                <button type="button" class="button button-quiet" on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </div>
        </div>
    }
}
