//! Finding a saved person by typing part of their name: a search box and up to six matches to
//! tap. A picker rather than a list of everyone, so 5,000 people never mean 5,000 options.

use crate::core::interest_key::fold;
use crate::core::model::PersonId;
use crate::store::AppState;
use crate::ui::components::search_field::SearchField;
use leptos::prelude::*;

const MATCHES: usize = 6;

#[component]
pub fn PersonPicker(
    label: &'static str,
    /// People not to offer (already chosen, or the person being compared).
    #[prop(into)]
    exclude: Signal<Vec<PersonId>>,
    on_pick: Callback<PersonId>,
    /// Put before each name on its button, e.g. "Add ".
    #[prop(optional)]
    prefix: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let matches = Memo::new(move |_| {
        let q = fold(&query.get());
        let q = q.trim().to_string();
        if q.is_empty() {
            return Vec::new();
        }
        exclude.with(|skip| {
            state.people.with(|people| {
                people
                    .values()
                    .filter(|p| !skip.contains(&p.id) && fold(&p.name).contains(&q))
                    .take(MATCHES)
                    .map(|p| (p.id.clone(), p.name.clone()))
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <SearchField label=label placeholder="Type a name" value=query />
        <ul class="suggestions">
            {move || {
                matches
                    .get()
                    .into_iter()
                    .map(|(id, name)| {
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="suggestion"
                                    on:click=move |_| {
                                        on_pick.run(id.clone());
                                        query.set(String::new());
                                    }
                                >
                                    {format!("{prefix}{name}")}
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
