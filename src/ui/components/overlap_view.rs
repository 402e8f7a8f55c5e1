//! What I share with someone: the two-circle Venn of my map and theirs (its regions also as a
//! list), a note when nothing is shared, and conversation starters.

use super::venn_diagram::VennDiagram;
use crate::core::model::Interest;
use crate::core::overlap::{conversation_starters, overlap, StarterKind};
use crate::core::venn::RegionId;
use leptos::prelude::*;

#[component]
pub fn OverlapView(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] mine: Signal<Vec<Interest>>,
    #[prop(into)] theirs: Signal<Vec<Interest>>,
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
                "Nothing in common on paper yet. The starters below are from their map, in the areas you care about too."
            </p>
        </Show>
        <h2>"Conversation starters"</h2>
        {move || {
            let list = starters.get();
            if list.is_empty() {
                view! { <p class="muted">"Add interests to both maps to get starters."</p> }.into_any()
            } else {
                view! {
                    <ul class="starters">
                        {list
                            .into_iter()
                            .take(8)
                            .map(|s| {
                                let class = match s.kind {
                                    StarterKind::Shared => "starter starter-shared",
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
