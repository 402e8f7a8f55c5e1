//! What I share with someone: the two-circle Venn, the shared interests by category, and
//! conversation starters.

use super::venn_diagram::{VennDiagram, VennModel, VennSet};
use crate::core::model::Interest;
use crate::core::overlap::{conversation_starters, overlap, StarterKind};
use crate::core::venn::RegionId;
use leptos::prelude::*;

pub const MY_COLOUR: &str = "#2f6f5e";
pub const THEIR_COLOUR: &str = "#c0587e";
pub const THIRD_COLOUR: &str = "#3a6fb8";

pub fn share_summary(name: &str, n: usize) -> String {
    match n {
        0 => format!("You and {name} share no interests yet"),
        1 => format!("You and {name} share 1 interest"),
        n => format!("You and {name} share {n} interests"),
    }
}

/// The model of "me and them".
pub fn two_set_model(name: &str, mine: &[Interest], theirs: &[Interest]) -> VennModel {
    let o = overlap(mine, theirs);
    let mut regions: [Vec<String>; 7] = Default::default();
    regions[RegionId::A.index()] = o.mine_only.iter().map(|i| i.label.clone()).collect();
    regions[RegionId::B.index()] = o.theirs_only.iter().map(|i| i.label.clone()).collect();
    regions[RegionId::AB.index()] = o.shared.iter().map(|s| s.mine.clone()).collect();
    VennModel {
        sets: vec![VennSet::me(), VennSet::new(name, THEIR_COLOUR)],
        regions,
        summary: share_summary(name, o.shared.len()),
    }
}

#[component]
pub fn OverlapView(
    #[prop(into)] name: Signal<String>,
    #[prop(into)] mine: Signal<Vec<Interest>>,
    #[prop(into)] theirs: Signal<Vec<Interest>>,
) -> impl IntoView {
    let model =
        Signal::derive(move || mine.with(|m| theirs.with(|t| two_set_model(&name.get(), m, t))));
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
