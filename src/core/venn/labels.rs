//! Where each region's words go: the point deepest inside the region, and how much room it has.

use super::geometry::{Circle, Point};
use super::layout::Layout;
use super::RegionId;

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
