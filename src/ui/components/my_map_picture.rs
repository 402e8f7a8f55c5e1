//! My map as a picture: one circle per category, sized by how many interests it holds, all
//! meeting in the middle where "me" is: everyone is a circle of interests.

use crate::core::model::{Category, Interest};
use leptos::prelude::*;

const SIZE: f64 = 320.0;

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
        let max = groups.iter().map(|(_, n)| *n).max().unwrap_or(1) as f64;
        let count = groups.len() as f64;
        let centre = SIZE / 2.0;
        // Petals around the middle: the ring's radius keeps every circle touching the centre.
        let shapes = groups
            .iter()
            .enumerate()
            .map(|(k, (c, n))| {
                let r = 28.0 + 42.0 * ((*n as f64) / max).sqrt();
                let angle = std::f64::consts::TAU * k as f64 / count - std::f64::consts::FRAC_PI_2;
                let ring = if count == 1.0 { 0.0 } else { r * 0.85 };
                let (x, y) = (centre + ring * angle.cos(), centre + ring * angle.sin());
                let label_ring = if count == 1.0 { 0.0 } else { ring + r * 0.45 };
                let (lx, ly) = (centre + label_ring * angle.cos(), centre + label_ring * angle.sin());
                view! {
                    <circle
                        cx=format!("{x:.0}")
                        cy=format!("{y:.0}")
                        r=format!("{r:.0}")
                        fill=c.colour.clone()
                        fill-opacity="0.25"
                        stroke=c.colour.clone()
                        stroke-width="2"
                    ></circle>
                    <text x=format!("{lx:.0}") y=format!("{ly:.0}") text-anchor="middle" class="venn-label">
                        {format!("{} {n}", c.name)}
                    </text>
                }
            })
            .collect_view();
        view! {
            <svg class="venn map-picture" role="img" aria-label=summary viewBox=format!("-40 -20 {} {}", SIZE + 80.0, SIZE + 40.0)>
                {shapes}
                <text x=format!("{centre:.0}") y=format!("{centre:.0}") text-anchor="middle" class="venn-name">"Me"</text>
            </svg>
        }
        .into_any()
    }
}
