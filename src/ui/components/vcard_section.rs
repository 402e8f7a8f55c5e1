//! Settings › Contacts: everyone as one vCard file, and people from a vCard file (after a
//! preview), for moving contacts to and from a phone's address book.

use super::file_picker::{FilePicker, PickedFile};
use super::vcard_preview::{CardRow, VcardPreview};
use crate::core::duplicates::{merge_person, same_name};
use crate::core::model::{CategoryId, PersonId};
use crate::core::vcard::{parse_vcf, people_to_vcf, VcardError, MAX_FILE_BYTES};
use crate::store::clock::{new_id, now, today};
use crate::store::{AppState, Notice};
use crate::ui::download::download_text;
use leptos::prelude::*;

/// A contacts file that was read and is waiting for "Import" or "Cancel".
#[derive(Clone)]
struct Pending {
    file: String,
    rows: Vec<CardRow>,
}

#[component]
pub fn VcardSection() -> impl IntoView {
    let state = expect_context::<AppState>();
    let pending = RwSignal::new(None::<Pending>);
    let error = RwSignal::new(None::<String>);

    let export_all = move |_| {
        let text = state.people.with_untracked(|p| people_to_vcf(p.values()));
        if text.is_empty() {
            error.set(Some("There is nobody to export yet.".into()));
            return;
        }
        error.set(None);
        let name = format!("common-ground-people-{}.vcf", today());
        download_text(&name, "text/vcard", &text);
    };

    let on_pick = Callback::new(move |file: PickedFile| {
        pending.set(None);
        let text = match file.text_or_message(|bytes| VcardError::TooLarge { bytes }.to_string()) {
            Ok(text) => text.to_string(),
            Err(message) => {
                error.set(Some(message));
                return;
            }
        };
        match parse_vcf(&text) {
            Err(e) => error.set(Some(format!("{}: {e}", file.name))),
            Ok(cards) => {
                error.set(None);
                let rows = state.people.with_untracked(|people| {
                    cards
                        .into_iter()
                        .map(|card| CardRow {
                            already_here: card
                                .uid
                                .as_ref()
                                .is_some_and(|uid| people.contains_key(&PersonId(uid.clone()))),
                            same_name: same_name(people.values(), &card.name, None)
                                .map(|p| (p.id.clone(), p.name.clone())),
                            merge: RwSignal::new(true),
                            card,
                        })
                        .collect()
                });
                pending.set(Some(Pending {
                    file: file.name,
                    rows,
                }));
            }
        }
    });

    let import = Callback::new(move |()| {
        let Some(p) = pending.try_update(Option::take).flatten() else {
            return;
        };
        let at = now();
        let known: Vec<CategoryId> = state
            .categories
            .with_untracked(|c| c.iter().map(|c| c.id.clone()).collect());
        // Merged results by id, so two cards of one saved person both land in it.
        let mut merged_into: std::collections::BTreeMap<PersonId, crate::core::model::Person> =
            Default::default();
        let mut people = Vec::new();
        let mut count = 0;
        for r in p.rows.into_iter().filter(|r| !r.already_here) {
            count += 1;
            let target = r
                .same_name
                .filter(|_| r.merge.get_untracked())
                .map(|(id, _)| id);
            let mut person = r.card.into_person(PersonId(new_id()), at);
            // A category this user does not have (another app's, or one deleted here)
            // becomes "Other" rather than pointing at nothing.
            for i in person.interests.iter_mut() {
                if !known.contains(&i.category) {
                    i.category = CategoryId::other();
                }
            }
            let saved = target.and_then(|id| {
                merged_into
                    .get(&id)
                    .cloned()
                    .or_else(|| state.people.with_untracked(|p| p.get(&id).cloned()))
            });
            match saved {
                Some(saved) => {
                    merged_into.insert(saved.id.clone(), merge_person(&saved, &person, at));
                }
                None => people.push(person),
            }
        }
        let merged = count - people.len();
        people.extend(merged_into.into_values());
        if state.add_people(people) {
            let also = match merged {
                0 => String::new(),
                1 => " 1 was merged with someone already saved.".to_string(),
                n => format!(" {n} were merged with people already saved."),
            };
            state.notify(Notice::success(format!(
                "Imported {count} {} from {}.{also}",
                if count == 1 { "person" } else { "people" },
                p.file
            )));
        }
    });
    let cancel = Callback::new(move |()| pending.set(None));

    view! {
        <section aria-labelledby="vcard-heading">
            <h2 id="vcard-heading">"Contacts (vCard)"</h2>
            <p>"Move people to or from a phone's contacts. Interests travel with them."</p>
            <div class="row">
                <button type="button" class="button" on:click=export_all>"Export all as vCard"</button>
                <FilePicker
                    label="Import vCard"
                    input_label="Contacts file to import"
                    accept=".vcf,text/vcard,text/x-vcard"
                    max_bytes=MAX_FILE_BYTES
                    on_pick=on_pick
                />
            </div>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
            {move || {
                pending
                    .get()
                    .map(|p| {
                        view! {
                            <VcardPreview file=p.file rows=p.rows on_import=import on_cancel=cancel />
                        }
                    })
            }}
        </section>
    }
}
