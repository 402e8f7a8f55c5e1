//! Interests as coloured chips: on a page that shows them, each opens "Who shares this?"; in a
//! form that edits them, each has a remove button and is not a link (a tap on an interest while
//! noting someone must not leave the form).

use crate::core::model::{Category, Interest};
use crate::core::route::Route;
use leptos::prelude::*;

#[component]
pub fn InterestChips(
    #[prop(into)] interests: Signal<Vec<Interest>>,
    #[prop(into)] categories: Signal<Vec<Category>>,
    /// When set, each chip has a "Remove …" button that calls this with the chip's index.
    #[prop(optional)]
    on_remove: Option<Callback<usize>>,
) -> impl IntoView {
    view! {
        <ul class="chips">
            {move || {
                let cats = categories.get();
                interests
                    .get()
                    .into_iter()
                    .enumerate()
                    .map(|(index, interest)| {
                        let colour = cats
                            .iter()
                            .find(|c| c.id == interest.category)
                            .map(|c| c.colour.clone())
                            .unwrap_or_else(|| "#6b6b6b".into());
                        let remove_label = format!("Remove {}", interest.label);
                        let label = if on_remove.is_some() {
                            view! { <span class="chip-label">{interest.label.clone()}</span> }
                                .into_any()
                        } else {
                            let href = Route::Who(interest.label.clone()).to_hash();
                            view! { <a class="chip-label" href=href>{interest.label.clone()}</a> }
                                .into_any()
                        };
                        view! {
                            <li class="chip" style=format!("--chip: {colour}")>
                                {label}
                                {on_remove
                                    .map(|cb| {
                                        view! {
                                            <button
                                                type="button"
                                                class="chip-remove"
                                                aria-label=remove_label.clone()
                                                title=remove_label.clone()
                                                on:click=move |_| cb.run(index)
                                            >
                                                "×"
                                            </button>
                                        }
                                    })}
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
