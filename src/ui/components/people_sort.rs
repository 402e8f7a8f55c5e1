//! Above People's rows: how many were found, the "Sort" box (name, recent, most in common) and,
//! when "Most in common" has nothing to compare with, why.

use super::field::unique_id;
use crate::core::people_search::Order;
use crate::core::plural::count;
use crate::store::AppState;
use leptos::prelude::*;

#[component]
pub fn PeopleSort(#[prop(into)] found: Signal<usize>, order: RwSignal<Order>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let id = unique_id("sort");
    let first = order.get_untracked();
    // With no map of mine everyone has nothing in common with me, and the order says nothing.
    let nothing_to_compare =
        move || order.get() == Order::Shared && state.me.with(|me| me.interests.is_empty());
    view! {
        <div class="list-head">
            <p class="muted" aria-live="polite">
                {move || count(found.get(), "person", "people")}
            </p>
            // The label is tied by `for`, not wrapped round the box, so that no engine names
            // the box after the option it shows as well ("Sort Name").
            <div class="list-sort">
                <label for=id.clone()>"Sort"</label>
                <select
                    id=id
                    prop:value=move || order.get().key()
                    on:change=move |ev| {
                        order.set(Order::from_key(&event_target_value(&ev)).unwrap_or_default())
                    }
                >
                    {Order::ALL
                        .into_iter()
                        .map(|o| {
                            view! { <option value=o.key() selected=o == first>{o.label()}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        </div>
        <Show when=nothing_to_compare>
            <p class="muted">
                "Nothing to compare with yet: " <a href="#/map">"add your interests"</a>
                " to see who shares most with you."
            </p>
        </Show>
    }
}
