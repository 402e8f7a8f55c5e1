//! An area-proportional Venn diagram of two or three maps, drawn as SVG, with the same content
//! as a list for screen readers and for anyone who wants every item.

use crate::core::venn::{
    fit_label, label_anchors, layout2, layout3, LabelFont, Layout, RegionId, VennSizes,
};
use leptos::prelude::*;

/// One circle: whose map it is and its colour.
#[derive(Clone, Debug, PartialEq)]
pub struct VennSet {
    pub name: String,
    pub colour: String,
}

impl VennSet {
    pub fn new(name: &str, colour: &str) -> Self {
        VennSet {
            name: name.to_string(),
            colour: colour.to_string(),
        }
    }

    /// My own circle, always first and always the same colour.
    pub fn me() -> Self {
        VennSet::new("You", super::overlap_view::MY_COLOUR)
    }
}

/// What to draw: two or three sets and the interest labels of each region, indexed by
/// [`RegionId::index`].
#[derive(Clone, Debug, PartialEq)]
pub struct VennModel {
    pub sets: Vec<VennSet>,
    pub regions: [Vec<String>; 7],
    /// The accessible name of the picture, e.g. "You and Meg share 3 interests".
    pub summary: String,
}

const WIDTH: f64 = 340.0;
const HEIGHT: f64 = 250.0;
const LINE: f64 = 15.0;

impl VennModel {
    fn layout(&self) -> Layout {
        let n = |r: RegionId| self.regions[r.index()].len() as f64;
        // A set with nothing in it would be a circle of size 0, which cannot be drawn or
        // labelled; one unit keeps it on the page.
        let layout = if self.sets.len() == 2 {
            let a = (n(RegionId::A) + n(RegionId::AB)).max(1.0);
            let b = (n(RegionId::B) + n(RegionId::AB)).max(1.0);
            layout2(a, b, n(RegionId::AB))
        } else {
            let mut regions = [0.0; 7];
            for r in RegionId::ALL {
                regions[r.index()] = n(r);
            }
            for single in [RegionId::A, RegionId::B, RegionId::C] {
                let total: f64 = RegionId::ALL
                    .iter()
                    .filter(|r| r.includes(single.index()))
                    .map(|r| regions[r.index()])
                    .sum();
                if total == 0.0 {
                    regions[single.index()] = 1.0;
                }
            }
            layout3(&VennSizes::from_regions(regions))
        };
        layout.fit(WIDTH, HEIGHT, 8.0)
    }

    /// The region names a reader hears, e.g. "Only you", "You and Meg", "All three".
    pub fn region_name(&self, r: RegionId) -> String {
        let name = |i: usize| self.sets.get(i).map(|s| s.name.as_str()).unwrap_or("");
        match r {
            // "Only you" reads better than "Only You".
            RegionId::A if name(0) == "You" => "Only you".to_string(),
            RegionId::A => format!("Only {}", name(0)),
            RegionId::B => format!("Only {}", name(1)),
            RegionId::C => format!("Only {}", name(2)),
            RegionId::AB if self.sets.len() == 2 => "Shared".to_string(),
            RegionId::AB => format!("{} and {}", name(0), name(1)),
            RegionId::AC => format!("{} and {}", name(0), name(2)),
            RegionId::BC => format!("{} and {}", name(1), name(2)),
            RegionId::ABC => "All three".to_string(),
        }
    }

    fn used_regions(&self) -> Vec<RegionId> {
        if self.sets.len() == 2 {
            vec![RegionId::AB, RegionId::A, RegionId::B]
        } else {
            vec![
                RegionId::ABC,
                RegionId::AB,
                RegionId::AC,
                RegionId::BC,
                RegionId::A,
                RegionId::B,
                RegionId::C,
            ]
        }
    }
}

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
        let layout = model.layout();
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
                        fill=set.colour.clone()
                        fill-opacity="0.22"
                        stroke=set.colour.clone()
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
                        <span class="swatch" style=format!("background: {}", s.colour)></span>
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
