//! My interests grouped by category, each one editable in place: rename, move to another
//! category, or remove.

use crate::core::interest_key::InterestKey;
use crate::core::limits::INTEREST_MAX;
use crate::core::model::{CategoryId, Interest};
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn MyInterestList(interests: RwSignal<Vec<Interest>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let message = RwSignal::new(None::<String>);
    let rename = move |index: usize, label: String| {
        let label = label.trim().to_string();
        if label.is_empty() || label.chars().count() > INTEREST_MAX {
            message.set(Some(format!(
                "An interest needs 1 to {INTEREST_MAX} characters."
            )));
            return;
        }
        let key = InterestKey::of(&label);
        let clash = interests.with_untracked(|l| {
            l.iter()
                .enumerate()
                .any(|(i, x)| i != index && x.key() == key)
        });
        if clash {
            message.set(Some(format!("\"{label}\" is already in your map.")));
            return;
        }
        message.set(None);
        interests.update(|l| {
            if let Some(i) = l.get_mut(index) {
                i.label = label;
            }
        });
    };
    view! {
        {move || message.get().map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
        {move || {
            let cats = state.categories.get();
            // An interest filed under a category that no longer exists is listed, and its
            // dropdown set, under Other: where it would be shown anywhere else.
            let list: Vec<Interest> = interests
                .get()
                .into_iter()
                .map(|mut i| {
                    if !cats.iter().any(|c| c.id == i.category) {
                        i.category = CategoryId::other();
                    }
                    i
                })
                .collect();
            cats.iter()
                .filter(|c| list.iter().any(|i| i.category == c.id))
                .map(|c| {
                    let rows = list
                        .iter()
                        .enumerate()
                        .filter(|(_, i)| i.category == c.id)
                        .map(|(index, i)| {
                            let label = i.label.clone();
                            let options = cats
                                .iter()
                                .map(|o| {
                                    view! {
                                        // A property, not the attribute: when a move
                                        // redraws the list, rows are reused, and a select the
                                        // user has touched ignores its options' attributes,
                                        // so it showed the category of the row drawn there
                                        // before.
                                        <option value=o.id.0.clone() prop:selected=o.id == i.category>
                                            {o.name.clone()}
                                        </option>
                                    }
                                })
                                .collect_view();
                            view! {
                                <li class="interest-row">
                                    <input
                                        type="text"
                                        autocomplete="off"
                                        aria-label=format!("Edit {label}")
                                        prop:value=label.clone()
                                        on:change=move |ev| rename(index, event_target_value(&ev))
                                    />
                                    <select
                                        aria-label=format!("Move {label}")
                                        on:change=move |ev| {
                                            let to = CategoryId::new(event_target_value(&ev));
                                            interests.update(|l| {
                                                if let Some(i) = l.get_mut(index) {
                                                    i.category = to;
                                                }
                                            });
                                        }
                                    >
                                        {options}
                                    </select>
                                    <button
                                        type="button"
                                        class="chip-remove"
                                        aria-label=format!("Remove {label}")
                                        title=format!("Remove {label}")
                                        on:click=move |_| interests.update(|l| {
                                            if index < l.len() {
                                                l.remove(index);
                                            }
                                        })
                                    >
                                        "×"
                                    </button>
                                </li>
                            }
                        })
                        .collect_view();
                    view! {
                        <h3 class="category-heading" style=format!("--chip: {}", c.colour)>{c.name.clone()}</h3>
                        <ul class="interest-rows">{rows}</ul>
                    }
                })
                .collect_view()
        }}
    }
}
