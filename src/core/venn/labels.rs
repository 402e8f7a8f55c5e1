//! Where each region's words go: the point deepest inside the region, how much room it has,
//! and which of its words fit there.

use super::geometry::{Circle, Point};
use super::layout::Layout;
use super::RegionId;
use crate::core::order;

/// A spot for a region's label. `clearance` is the distance from `point` to the nearest circle
/// edge, so a label that fits in a circle of that radius crosses no line: labels of different
/// regions can then never overlap (venn.js's issue 144), and the UI can tell how many words fit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelAnchor {
    pub region: RegionId,
    pub point: Point,
    pub clearance: f64,
}

/// Grid sides tried in turn: the coarse one finds ordinary regions, the fine one slivers.
const GRIDS: [usize; 2] = [24, 96];

/// An anchor for every region the layout draws with a visible area, in [`RegionId::ALL`]
/// order. A region too thin for any grid point to land in gets none, and so no label.
pub fn label_anchors(layout: &Layout) -> Vec<LabelAnchor> {
    let areas = layout.region_areas();
    let total: f64 = areas.iter().sum();
    RegionId::ALL
        .into_iter()
        .filter(|r| areas[r.index()] > 1e-9 * total)
        .filter_map(|r| label_anchor(layout, r))
        .collect()
}

/// The point of `region` (approximately) farthest from every circle edge.
///
/// A grid over the box the region's circles share finds the best cell; a pattern search then
/// walks from it while the clearance grows, halving its step down to a 256th of a cell. Every
/// candidate is checked with [`Layout::region_of`], so the anchor is inside its own circles and
/// outside the others by construction.
pub fn label_anchor(layout: &Layout, region: RegionId) -> Option<LabelAnchor> {
    let (lo, hi) = region_box(layout, region)?;
    let clearance = |p: Point| edge_clearance(&layout.circles, p);
    let inside = |p: Point| layout.region_of(p) == Some(region);
    let (mut best, mut cell) = (None, 0.0);
    for n in GRIDS {
        let (dx, dy) = ((hi.x - lo.x) / n as f64, (hi.y - lo.y) / n as f64);
        cell = dx.max(dy);
        for i in 0..n {
            for j in 0..n {
                let p = Point::new(lo.x + (i as f64 + 0.5) * dx, lo.y + (j as f64 + 0.5) * dy);
                if inside(p) {
                    let c = clearance(p);
                    if best.is_none_or(|(_, b)| c > b) {
                        best = Some((p, c));
                    }
                }
            }
        }
        if best.is_some() {
            break;
        }
    }
    let (mut point, mut room) = best?;
    let mut step = cell;
    while step > cell / 256.0 {
        let mut moved = false;
        for (ux, uy) in DIRECTIONS {
            let p = Point::new(point.x + ux * step, point.y + uy * step);
            let c = clearance(p);
            if c > room && inside(p) {
                (point, room, moved) = (p, c, true);
            }
        }
        if !moved {
            step *= 0.5;
        }
    }
    Some(LabelAnchor {
        region,
        point,
        clearance: room,
    })
}

const DIAGONAL: f64 = std::f64::consts::FRAC_1_SQRT_2;
const DIRECTIONS: [(f64, f64); 8] = [
    (1.0, 0.0),
    (-1.0, 0.0),
    (0.0, 1.0),
    (0.0, -1.0),
    (DIAGONAL, DIAGONAL),
    (DIAGONAL, -DIAGONAL),
    (-DIAGONAL, DIAGONAL),
    (-DIAGONAL, -DIAGONAL),
];

/// Distance to the nearest drawn edge. Edges that do not bound the region only make this
/// smaller, so it errs on the side of less room.
fn edge_clearance(circles: &[Circle], p: Point) -> f64 {
    circles
        .iter()
        .filter(|c| c.r > 0.0)
        .map(|c| c.edge_distance(p))
        .fold(f64::INFINITY, f64::min)
}

/// The box shared by the circles the region lies inside; `None` when they cannot meet.
fn region_box(layout: &Layout, region: RegionId) -> Option<(Point, Point)> {
    let mut lo = Point::new(f64::NEG_INFINITY, f64::NEG_INFINITY);
    let mut hi = Point::new(f64::INFINITY, f64::INFINITY);
    for set in 0..3 {
        if region.includes(set) {
            let c = layout.circles.get(set)?;
            if !c.is_drawable() {
                return None;
            }
            lo = Point::new(lo.x.max(c.x - c.r), lo.y.max(c.y - c.r));
            hi = Point::new(hi.x.min(c.x + c.r), hi.y.min(c.y + c.r));
        }
    }
    (lo.x < hi.x && lo.y < hi.y).then_some((lo, hi))
}

/// A region's label as drawn: lines of text centred on `x`, each at its own `y`.
#[derive(Clone, Debug, PartialEq)]
pub struct FittedLabel {
    pub region: RegionId,
    pub x: f64,
    pub lines: Vec<(f64, String)>,
    /// True when the region could not hold a single readable name and shows its count instead.
    pub count_only: bool,
}

/// Text metrics of the labels, in the diagram's units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelFont {
    /// The font size.
    pub size: f64,
    /// Distance between baselines; a line's box is taken to be this tall.
    pub line: f64,
}

/// A generous estimate of how wide `text` is drawn in a sans-serif font of `size`. It errs
/// wide (the widths are those of DejaVu Sans, wider than most phone fonts), because a label
/// estimated too narrow is the one that spills over its neighbour.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '\'' | '.' | ',' | ':' | ';' | '|' | '!' | ' ' => 0.34,
            't' | 'f' | 'r' | 'I' | 'J' | '(' | ')' | '-' => 0.45,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 1.0,
            '0'..='9' => 0.64,
            c if c.is_ascii_lowercase() => 0.64,
            c if c.is_ascii_uppercase() => 0.8,
            _ => 1.0,
        })
        .sum::<f64>()
        * size
}

/// `label` cut at a word boundary to fit `width`, with "…" when words were left out; `None`
/// when not even its first word fits, since a cut word ("Pil…") reads as nothing.
pub fn fit_words(label: &str, width: f64, size: f64) -> Option<String> {
    let label = label.trim();
    if text_width(label, size) <= width {
        return Some(label.to_string());
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    (1..words.len()).rev().find_map(|n| {
        let cut = format!("{}…", words[..n].join(" "));
        (text_width(&cut, size) <= width).then_some(cut)
    })
}

/// How wide line `index` of a block of `lines` lines, centred in a circle of `radius`, can be
/// and still lie inside it: middle lines have more room than the top and bottom ones. 0 when
/// the line does not fit at all.
fn room_for(index: usize, lines: usize, radius: f64, font: LabelFont) -> f64 {
    let half_h = lines as f64 * font.line / 2.0;
    let top = index as f64 * font.line - half_h;
    let reach = top.abs().max((top + font.line).abs());
    if reach >= radius {
        return 0.0;
    }
    2.0 * (radius * radius - reach * reach).sqrt()
}

/// The most of `items` that fits in the clear circle around `anchor`: as many names as fit,
/// each whole or cut after a word, the longest on the widest (middle) lines, then "+k more"
/// for the rest; or, when not even one name fits beside its "+k more", the region's count
/// alone. The block lies inside the clear
/// circle, which crosses no circle edge, so blocks of different regions never overlap. `None`
/// when the region is empty or too small to hold even its count.
pub fn fit_label(anchor: &LabelAnchor, items: &[String], font: LabelFont) -> Option<FittedLabel> {
    if items.is_empty() {
        return None;
    }
    let place = |texts: Vec<String>, count_only| {
        let top = anchor.point.y - (texts.len() as f64 - 1.0) * font.line / 2.0;
        FittedLabel {
            region: anchor.region,
            x: anchor.point.x,
            lines: texts
                .into_iter()
                .enumerate()
                .map(|(i, t)| (top + i as f64 * font.line, t))
                .collect(),
            count_only,
        }
    };
    for shown in (1..=items.len()).rev() {
        let more = items.len() - shown;
        let lines = shown + usize::from(more > 0);
        if room_for(0, lines, anchor.clearance, font) <= 0.0 {
            continue;
        }
        let width = |i: usize| room_for(i, lines, anchor.clearance, font);
        // A circle's lines are widest in the middle: the top one alone would cut
        // "Small business" to "Small…" where the middle has room for it.
        let mut placed = vec![String::new(); shown];
        let mut texts: Option<Vec<String>> = longest_first(&items[..shown], font.size)
            .into_iter()
            .zip(widest_rows_first(shown, width))
            .try_for_each(|(name, row)| {
                placed[row] = fit_words(name, width(row), font.size)?;
                Some(())
            })
            .map(|()| placed);
        if more > 0 {
            let tail = format!("+{more} more");
            if text_width(&tail, font.size) > width(lines - 1) {
                texts = None;
            }
            if let Some(t) = texts.as_mut() {
                t.push(tail);
            }
        }
        if let Some(texts) = texts {
            return Some(place(texts, false));
        }
    }
    let count = items.len().to_string();
    (text_width(&count, font.size) <= room_for(0, 1, anchor.clearance, font))
        .then(|| place(vec![count], true))
}

/// Rows `0..rows` of a block, widest first (ties: the upper first).
fn widest_rows_first(rows: usize, width: impl Fn(usize) -> f64) -> Vec<usize> {
    let mut by_width: Vec<usize> = (0..rows).collect();
    order::sort_by(&mut by_width, |&a, &b| width(b).total_cmp(&width(a)));
    by_width
}

/// `names`, longest first as drawn (ties: in their order).
fn longest_first(names: &[String], size: f64) -> Vec<&str> {
    let mut sorted: Vec<&str> = names.iter().map(String::as_str).collect();
    order::sort_by(&mut sorted, |a, b| {
        text_width(b, size).total_cmp(&text_width(a, size))
    });
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::venn::{layout2, layout3, VennSizes};
    use proptest::prelude::*;

    fn assert_anchor_in_its_region(layout: &Layout, a: &LabelAnchor) {
        assert_eq!(
            layout.region_of(a.point),
            Some(a.region),
            "{a:?} in {layout:?}"
        );
        for (set, c) in layout.circles.iter().enumerate() {
            assert_eq!(
                c.contains(a.point),
                a.region.includes(set),
                "{a:?} vs circle {set}"
            );
            if c.r > 0.0 {
                assert!(c.edge_distance(a.point) >= a.clearance - 1e-12);
            }
        }
        assert!(a.clearance > 0.0);
    }

    const FONT: LabelFont = LabelFont {
        size: 12.0,
        line: 15.0,
    };

    /// The boxes a fitted label's lines are estimated to cover.
    fn line_boxes(l: &FittedLabel) -> Vec<(f64, f64, f64, f64)> {
        l.lines
            .iter()
            .map(|(y, t)| {
                let w = text_width(t, FONT.size);
                (
                    l.x - w / 2.0,
                    y - FONT.line / 2.0,
                    l.x + w / 2.0,
                    y + FONT.line / 2.0,
                )
            })
            .collect()
    }

    fn items(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn names_are_cut_only_after_a_whole_word() {
        assert_eq!(
            fit_words("Salsa dancing", 1000.0, 12.0).as_deref(),
            Some("Salsa dancing")
        );
        let w = text_width("Small business…", 12.0);
        assert_eq!(
            fit_words("Small business owners", w, 12.0).as_deref(),
            Some("Small business…")
        );
        assert_eq!(
            fit_words("Small business owners", w - 1.0, 12.0).as_deref(),
            Some("Small…")
        );
        assert_eq!(
            fit_words("Pilates", text_width("Pilates", 12.0) - 1.0, 12.0),
            None
        );
    }

    #[test]
    fn a_small_region_shows_its_count_and_a_roomy_one_its_names() {
        let anchor = |r: f64| LabelAnchor {
            region: RegionId::AB,
            point: Point::new(0.0, 0.0),
            clearance: r,
        };
        let names = items(&[
            "Pilates",
            "Bridge",
            "Small business",
            "Salsa dancing",
            "Knitting",
        ]);
        let big = fit_label(&anchor(200.0), &names, FONT).unwrap();
        assert!(!big.count_only);
        assert_eq!(big.lines.len(), 5);
        let mid = fit_label(&anchor(35.0), &names, FONT).unwrap();
        let texts: Vec<_> = mid.lines.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(
            texts.last().copied(),
            Some(format!("+{} more", 5 - (texts.len() - 1)).as_str())
        );
        let small = fit_label(&anchor(12.0), &names, FONT).unwrap();
        assert!(small.count_only);
        assert_eq!(small.lines[0].1, "5");
        assert!(fit_label(&anchor(3.0), &names, FONT).is_none());
        assert!(fit_label(&anchor(100.0), &[], FONT).is_none());
    }

    #[test]
    fn long_names_go_on_the_wide_middle_lines_rather_than_being_cut() {
        let anchor = LabelAnchor {
            region: RegionId::A,
            point: Point::new(0.0, 0.0),
            clearance: 62.0,
        };
        let names = items(&["Small business", "Knitting", "Choir", "Parkrun", "Jazz"]);
        let fitted = fit_label(&anchor, &names, FONT).unwrap();
        let texts: Vec<&str> = fitted.lines.iter().map(|(_, t)| t.as_str()).collect();
        // On the top line "Small business" would be "Small…"; in the middle it is whole.
        assert_eq!(
            fit_words("Small business", room_for(0, 5, 62.0, FONT), FONT.size).as_deref(),
            Some("Small…")
        );
        assert_eq!(
            texts,
            ["Choir", "Knitting", "Small business", "Parkrun", "Jazz"]
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn fitted_labels_stay_in_their_clear_circle_and_never_overlap(
            rb in 0.4..1.5f64, rc in 0.4..1.5f64,
            bx in -1.5..1.5f64, by in -1.5..1.5f64, cx in -1.5..1.5f64, cy in -1.5..1.5f64,
            n in 1usize..12,
        ) {
            let layout = Layout { circles: vec![
                Circle::new(0.0, 0.0, 1.0), Circle::new(bx, by, rb), Circle::new(cx, cy, rc),
            ] }.fit(340.0, 250.0, 8.0);
            let names = items(&["Salsa dancing", "Pilates", "Bridge", "Small business networking",
                "Wild swimming", "Custard creams", "Photography", "Canal boats", "Choir",
                "Recycling scheme", "Parkrun", "Learning Spanish"]);
            let anchors = label_anchors(&layout);
            let fitted: Vec<_> = anchors
                .iter()
                .filter_map(|a| fit_label(a, &names[..n], FONT).map(|l| (a, l)))
                .collect();
            for (a, l) in &fitted {
                // Every corner of every line is inside the anchor's clear circle.
                for (x0, y0, x1, y1) in line_boxes(l) {
                    for (x, y) in [(x0, y0), (x1, y0), (x0, y1), (x1, y1)] {
                        let d = ((x - a.point.x).powi(2) + (y - a.point.y).powi(2)).sqrt();
                        prop_assert!(d <= a.clearance + 1e-6, "{:?} {:?}", l, a);
                    }
                }
                for (_, t) in &l.lines {
                    let t = t.trim_end_matches('…');
                    prop_assert!(
                        names.iter().any(|n| n == t || n.starts_with(&format!("{t} ")))
                            || t.starts_with('+') || t.parse::<usize>().is_ok(),
                        "{} is not a whole-word prefix", t
                    );
                }
            }
            for (i, (_, a)) in fitted.iter().enumerate() {
                for (_, b) in &fitted[i + 1..] {
                    for (a0, a1, a2, a3) in line_boxes(a) {
                        for (b0, b1, b2, b3) in line_boxes(b) {
                            let apart = a2 <= b0 || b2 <= a0 || a3 <= b1 || b3 <= a1;
                            prop_assert!(apart, "{:?} overlaps {:?}", a, b);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn two_equal_circles_label_their_lens_on_the_line_between_centres() {
        let layout = layout2(10.0, 10.0, 4.0);
        let anchors = label_anchors(&layout);
        assert_eq!(anchors.len(), 3);
        let lens = anchors.iter().find(|a| a.region == RegionId::AB).unwrap();
        let mid = (layout.circles[0].x + layout.circles[1].x) / 2.0;
        assert!(
            (lens.point.x - mid).abs() < 1e-2 && lens.point.y.abs() < 1e-2,
            "{lens:?}"
        );
        for a in &anchors {
            assert_anchor_in_its_region(&layout, a);
        }
    }

    #[test]
    fn empty_regions_get_no_anchor() {
        let layout = layout3(&VennSizes::from_regions([
            5.0, 5.0, 5.0, 0.0, 0.0, 0.0, 0.0,
        ]));
        let regions: Vec<_> = label_anchors(&layout).iter().map(|a| a.region).collect();
        assert_eq!(regions, [RegionId::A, RegionId::B, RegionId::C]);
        assert!(label_anchor(&layout, RegionId::ABC).is_none());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]
        #[test]
        fn every_anchor_is_inside_its_region_and_outside_the_others(
            rb in 0.2..2.0f64, rc in 0.2..2.0f64,
            bx in -3.0..3.0f64, by in -3.0..3.0f64, cx in -3.0..3.0f64, cy in -3.0..3.0f64,
        ) {
            let layout = Layout { circles: vec![
                Circle::new(0.0, 0.0, 1.0), Circle::new(bx, by, rb), Circle::new(cx, cy, rc),
            ] };
            let anchors = label_anchors(&layout);
            for a in &anchors {
                assert_anchor_in_its_region(&layout, a);
            }
            // Any region big enough to read gets a label.
            let areas = layout.region_areas();
            let total: f64 = areas.iter().sum();
            for r in RegionId::ALL {
                if areas[r.index()] >= 0.01 * total {
                    prop_assert!(anchors.iter().any(|a| a.region == r), "{:?} missing", r);
                }
            }
        }
    }
}
