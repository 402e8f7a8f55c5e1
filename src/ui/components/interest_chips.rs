//! Interests as coloured chips; each opens "Who shares this?", and may offer a remove button.

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
                        let href = Route::Who(interest.label.clone()).to_hash();
                        let remove_label = format!("Remove {}", interest.label);
                        view! {
                            <li class="chip" style=format!("--chip: {colour}")>
                                <a class="chip-label" href=href>{interest.label.clone()}</a>
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
