//! An area-proportional Venn diagram of two or three maps, drawn as SVG, with the same content
//! as a list for screen readers and for anyone who wants every item.

use crate::core::venn::{fit_label, label_anchors, LabelFont, RegionId, VennModel};
use leptos::prelude::*;

const WIDTH: f64 = 340.0;
const HEIGHT: f64 = 250.0;
const LINE: f64 = 15.0;

/// The labels' font, as `.venn-label` in the stylesheet draws it, in viewBox units.
const FONT: LabelFont = LabelFont {
    size: 12.0,
    line: LINE,
};

#[component]
pub fn VennDiagram(#[prop(into)] model: Signal<VennModel>) -> impl IntoView {
    let open = RwSignal::new(None::<RegionId>);
    let picture = move || {
        let model = model.get();
        let layout = model.layout().fit(WIDTH, HEIGHT, 8.0);
        let circles = layout
            .circles
            .iter()
            .zip(model.sets.iter())
            .filter(|(c, _)| c.is_drawable())
            .map(|(c, set)| {
                view! {
                    <circle
                        cx=format!("{:.1}", c.x)
                        cy=format!("{:.1}", c.y)
                        r=format!("{:.1}", c.r)
                        class=format!("venn-set {}", set.colour.class())
                        fill-opacity="0.22"
                        stroke-width="2"
                    ></circle>
                }
            })
            .collect_view();
        let labels = label_anchors(&layout)
            .into_iter()
            .filter(|a| a.region.index() < 7 && model.used_regions().contains(&a.region))
            .filter_map(|anchor| {
                let fitted = fit_label(&anchor, &model.regions[anchor.region.index()], FONT)?;
                let class = if fitted.count_only {
                    "venn-label venn-count"
                } else {
                    "venn-label"
                };
                let x = fitted.x;
                Some(
                    fitted
                        .lines
                        .into_iter()
                        .map(|(y, t)| {
                            view! {
                                <text
                                    x=format!("{x:.1}")
                                    y=format!("{y:.1}")
                                    text-anchor="middle"
                                    dominant-baseline="middle"
                                    class=class
                                >
                                    {t}
                                </text>
                            }
                        })
                        .collect_view(),
                )
            })
            .collect_view();
        view! {
            <svg
                class="venn"
                role="img"
                aria-label=model.summary.clone()
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                preserveAspectRatio="xMidYMid meet"
            >
                {circles}
                {labels}
            </svg>
        }
    };
    let list = move || {
        let model = model.get();
        model
            .used_regions()
            .into_iter()
            .map(|r| {
                let items = model.regions[r.index()].clone();
                let name = model.region_name(r);
                let count = items.len();
                let long = count > 6;
                let heading = format!("{name} ({count})");
                view! {
                    <section class="venn-region">
                        <h3>{heading}</h3>
                        {if items.is_empty() {
                            view! { <p class="muted">"Nothing here."</p> }.into_any()
                        } else {
                            let first: Vec<String> = items.iter().take(6).cloned().collect();
                            let rest: Vec<String> = items.iter().skip(6).cloned().collect();
                            let rest_count = rest.len();
                            view! {
                                <ul class="venn-items">
                                    {first.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                    <Show when=move || open.get() == Some(r)>
                                        {rest.clone().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                                    </Show>
                                </ul>
                                <Show when=move || long && open.get() != Some(r)>
                                    <button type="button" class="link-button" on:click=move |_| open.set(Some(r))>
                                        {format!("Show {rest_count} more")}
                                    </button>
                                </Show>
                            }
                            .into_any()
                        }}
                    </section>
                }
            })
            .collect_view()
    };
    // Names sit in a legend rather than on the circles: nested circles share a top edge, where
    // names on the picture would overlap.
    let legend = move || {
        model
            .get()
            .sets
            .into_iter()
            .map(|s| {
                view! {
                    <li>
                        <span class=format!("swatch venn-set {}", s.colour.class())></span>
                        {s.name}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="venn-figure">
            <ul class="venn-legend">{legend}</ul>
            {picture}
            <figcaption class="venn-list">{list}</figcaption>
        </figure>
    }
}
