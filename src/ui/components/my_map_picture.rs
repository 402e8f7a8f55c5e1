//! My map as a picture: one circle per category, sized by how many interests it holds, all
//! meeting in the middle where "me" is: everyone is a circle of interests. Category names sit
//! in a legend, each circle shows its count, so no text is ever drawn over another.

use crate::core::map_picture::{petals, view_box, SIZE};
use crate::core::model::{Category, Interest};
use leptos::prelude::*;

#[component]
pub fn MyMapPicture(
    #[prop(into)] interests: Signal<Vec<Interest>>,
    #[prop(into)] categories: Signal<Vec<Category>>,
) -> impl IntoView {
    move || {
        let list = interests.get();
        let groups: Vec<(Category, usize)> = categories
            .get()
            .into_iter()
            .map(|c| {
                let n = list.iter().filter(|i| i.category == c.id).count();
                (c, n)
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        if groups.is_empty() {
            return view! { <p class="muted">"Your map is empty. Add interests below, or load the example."</p> }.into_any();
        }
        let total: usize = groups.iter().map(|(_, n)| n).sum();
        let summary = format!(
            "Your map: {total} interests in {} categories, {}",
            groups.len(),
            groups
                .iter()
                .map(|(c, n)| format!("{} {n}", c.name))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let counts: Vec<usize> = groups.iter().map(|(_, n)| *n).collect();
        let centre = SIZE / 2.0;
        let petals = petals(&counts);
        let (vx, vy, vw, vh) = view_box(&petals, 4.0);
        let shapes = petals
            .into_iter()
            .zip(groups.iter())
            .map(|(p, (c, n))| {
                view! {
                    <circle
                        cx=format!("{:.0}", p.x)
                        cy=format!("{:.0}", p.y)
                        r=format!("{:.0}", p.r)
                        fill=c.colour.clone()
                        fill-opacity="0.25"
                        stroke=c.colour.clone()
                        stroke-width="2"
                    ></circle>
                    <text
                        x=format!("{:.0}", p.label_x)
                        y=format!("{:.0}", p.label_y)
                        text-anchor="middle"
                        dominant-baseline="middle"
                        class="venn-name map-count"
                    >
                        {n.to_string()}
                    </text>
                }
            })
            .collect_view();
        let legend = groups
            .iter()
            .map(|(c, n)| {
                view! {
                    <li>
                        <span class="swatch" style=format!("background: {}", c.colour)></span>
                        {format!("{} {n}", c.name)}
                    </li>
                }
            })
            .collect_view();
        view! {
            <figure class="venn-figure map-figure">
                <svg class="venn map-picture" role="img" aria-label=summary viewBox=format!("{vx:.0} {vy:.0} {vw:.0} {vh:.0}")>
                    {shapes}
                    <text
                        x=format!("{centre:.0}")
                        y=format!("{centre:.0}")
                        text-anchor="middle"
                        dominant-baseline="middle"
                        class="venn-name"
                    >
                        "Me"
                    </text>
                </svg>
                <ul class="venn-legend" aria-hidden="true">{legend}</ul>
            </figure>
        }
        .into_any()
    }
}
