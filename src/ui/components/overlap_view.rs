//! What I share with someone: the two-circle Venn of my map and theirs (its regions also as a
//! list), a note when nothing is shared, and conversation starters. When either map is empty
//! there is nothing to compare, and it says which one and what to do instead.

use super::venn_diagram::VennDiagram;
use crate::core::model::Interest;
use crate::core::overlap::{conversation_starters, overlap, StarterKind};
use crate::core::route::Route;
use crate::core::venn::RegionId;
use leptos::prelude::*;

#[component]
pub fn OverlapView(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] mine: Signal<Vec<Interest>>,
    #[prop(into)] theirs: Signal<Vec<Interest>>,
) -> impl IntoView {
    // Which maps have interests; the comparison is redrawn only when that changes, not on
    // every interest added.
    let filled = Memo::new(move |_| (!mine.with(Vec::is_empty), !theirs.with(Vec::is_empty)));
    move || {
        match filled.get() {
        (false, _) => view! {
            <p class="card">
                "Your own map is empty, so there is nothing to compare yet. "
                <a href=Route::MyMap.to_hash()>"Add your interests on My map"</a>
                {move || format!(" to see what you share with {}.", name.get())}
            </p>
        }
        .into_any(),
        (true, false) => view! {
            <p class="card">
                {move || format!("{} has no interests noted yet, so there is nothing to compare.", name.get())}
            </p>
        }
        .into_any(),
        (true, true) => view! { <Comparison name=name mine=mine theirs=theirs /> }.into_any(),
    }
    }
}

/// The Venn, the note when nothing is shared, and the starters: both maps have interests.
#[component]
fn Comparison(
    name: Signal<String>,
    mine: Signal<Vec<Interest>>,
    theirs: Signal<Vec<Interest>>,
) -> impl IntoView {
    let model = Signal::derive(move || {
        mine.with(|m| theirs.with(|t| overlap(m, t).venn_model(&name.get())))
    });
    let starters = Memo::new(move |_| mine.with(|m| theirs.with(|t| conversation_starters(m, t))));
    let nothing_shared = move || model.with(|m| m.regions[RegionId::AB.index()].is_empty());
    view! {
        <VennDiagram model=model />
        <Show when=nothing_shared>
            <p class="card">
                {move || {
                    starters.with(|s| {
                        if s.iter().any(|s| s.kind == StarterKind::Near) {
                            "Nothing in common word for word yet, but some of their interests are close to yours: see the starters below."
                        } else if s.is_empty() {
                            "Nothing in common on paper yet."
                        } else {
                            "Nothing in common on paper yet. The starters below are from their map, in the areas you care about too."
                        }
                    })
                }}
            </p>
        </Show>
        <h2>"Conversation starters"</h2>
        {move || {
            let list = starters.get();
            if list.is_empty() {
                view! { <p class="muted">"No starters yet: your maps have no interest, and no area of interest, in common."</p> }.into_any()
            } else {
                view! {
                    <ul class="starters">
                        {list
                            .into_iter()
                            .take(8)
                            .map(|s| {
                                let class = match s.kind {
                                    StarterKind::Shared => "starter starter-shared",
                                    StarterKind::Near => "starter starter-near",
                                    StarterKind::AskAbout => "starter",
                                };
                                view! { <li class=class>{s.text}</li> }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }
        }}
    }
}
