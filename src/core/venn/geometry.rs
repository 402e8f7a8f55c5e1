//! Pure circle geometry: lens areas, edge crossings, the exact area shared by any circles.

use crate::core::order;
use std::f64::consts::PI;

/// A point in the layout's plane.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }
    pub fn distance(self, other: Point) -> f64 {
        (self.x - other.x).hypot(self.y - other.y)
    }
}

/// One set of the diagram: its centre and radius (SVG's `cx`, `cy`, `r`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Circle {
    pub x: f64,
    pub y: f64,
    pub r: f64,
}

impl Circle {
    pub fn new(x: f64, y: f64, r: f64) -> Self {
        Circle { x, y, r }
    }
    pub fn centre(&self) -> Point {
        Point::new(self.x, self.y)
    }
    /// A real circle: positive radius and a finite position. Anything else covers no area.
    pub fn is_drawable(&self) -> bool {
        self.r > 0.0 && self.r.is_finite() && self.x.is_finite() && self.y.is_finite()
    }
    pub fn area(&self) -> f64 {
        PI * self.r * self.r
    }
    /// Strictly inside: a point on an edge belongs to no region, so no anchor sits on a line.
    pub fn contains(&self, p: Point) -> bool {
        self.centre().distance(p) < self.r
    }
    /// How far `p` is from this circle's edge, from either side.
    pub fn edge_distance(&self, p: Point) -> f64 {
        (self.centre().distance(p) - self.r).abs()
    }
    fn point_at(&self, angle: f64) -> Point {
        Point::new(self.x + self.r * angle.cos(), self.y + self.r * angle.sin())
    }
}

/// The radius of a circle whose area is `size`: sizes are counts, drawn as areas.
pub fn radius_for(size: f64) -> f64 {
    if size.is_finite() && size > 0.0 {
        (size / PI).sqrt()
    } else {
        0.0
    }
}

/// Area of the lens shared by circles of radii `r1`, `r2` whose centres are `d` apart.
pub fn lens_area(r1: f64, r2: f64, d: f64) -> f64 {
    if r1 <= 0.0 || r2 <= 0.0 || d >= r1 + r2 {
        return 0.0;
    }
    if d <= (r1 - r2).abs() {
        let r = r1.min(r2);
        return PI * r * r;
    }
    // Two circular segments, one cut from each circle by the common chord.
    let a1 = ((d * d + r1 * r1 - r2 * r2) / (2.0 * d * r1)).clamp(-1.0, 1.0);
    let a2 = ((d * d + r2 * r2 - r1 * r1) / (2.0 * d * r2)).clamp(-1.0, 1.0);
    let kite = (-d + r1 + r2) * (d + r1 - r2) * (d - r1 + r2) * (d + r1 + r2);
    (r1 * r1 * a1.acos() + r2 * r2 * a2.acos() - 0.5 * kite.max(0.0).sqrt()).max(0.0)
}

/// The points where two circle edges cross; `None` when they do not (apart, nested, concentric).
pub fn edge_crossings(a: &Circle, b: &Circle) -> Option<[Point; 2]> {
    let d = a.centre().distance(b.centre());
    if d <= 0.0 || d > a.r + b.r || d < (a.r - b.r).abs() {
        return None;
    }
    let along = (a.r * a.r - b.r * b.r + d * d) / (2.0 * d);
    let h = (a.r * a.r - along * along).max(0.0).sqrt();
    let (ux, uy) = ((b.x - a.x) / d, (b.y - a.y) / d);
    let (mx, my) = (a.x + ux * along, a.y + uy * along);
    Some([
        Point::new(mx - uy * h, my + ux * h),
        Point::new(mx + uy * h, my - ux * h),
    ])
}

/// Exact area of the region inside every circle of `circles`.
///
/// By Green's theorem the area is half the integral of `x dy − y dx` round the region's
/// boundary, and that boundary is made of arcs: the pieces of each circle that lie inside all
/// the others. Cutting each circle at its crossings and keeping the pieces whose midpoint is
/// inside the rest needs no polygon, no ordering of corner points and no choice between two
/// candidate arcs — the step where venn.js drew the triple region wrong (its issue 141). Nested
/// and disjoint circles need no special case: a nested circle is one whole boundary arc, and
/// disjoint circles leave no arc at all.
pub fn intersection_area(circles: &[Circle]) -> f64 {
    if circles.is_empty() || !circles.iter().all(Circle::is_drawable) {
        return 0.0;
    }
    let scale = circles
        .iter()
        .fold(1.0f64, |m, c| m.max(c.r).max(c.x.abs()).max(c.y.abs()));
    let tolerance = 1e-10 * scale;
    let mut angles: Vec<f64> = Vec::with_capacity(2 * circles.len());
    let mut twice_area = 0.0;
    for (i, c) in circles.iter().enumerate() {
        angles.clear();
        for (j, other) in circles.iter().enumerate() {
            if j != i {
                if let Some(points) = edge_crossings(c, other) {
                    for p in points {
                        angles.push((p.y - c.y).atan2(p.x - c.x));
                    }
                }
            }
        }
        if angles.is_empty() {
            if inside_all_others(circles, i, c.point_at(0.0), tolerance) {
                twice_area += 2.0 * c.area();
            }
            continue;
        }
        order::sort_by(&mut angles, f64::total_cmp);
        for k in 0..angles.len() {
            let start = angles[k];
            let end = if k + 1 < angles.len() {
                angles[k + 1]
            } else {
                angles[0] + 2.0 * PI
            };
            if end - start <= 0.0 {
                continue;
            }
            if inside_all_others(circles, i, c.point_at(0.5 * (start + end)), tolerance) {
                twice_area += arc_integral(c, start, end);
            }
        }
    }
    (0.5 * twice_area).max(0.0)
}

/// `∫ x dy − y dx` along `c` counter-clockwise from angle `start` to `end`.
fn arc_integral(c: &Circle, start: f64, end: f64) -> f64 {
    c.r * c.r * (end - start)
        + c.r * c.x * (end.sin() - start.sin())
        + c.r * c.y * (start.cos() - end.cos())
}

/// Whether a point on circle `i` lies inside every other circle. A point on another circle's
/// edge only happens when the two circles coincide; then the lower index owns the shared edge,
/// so two identical circles count their area once rather than twice or not at all.
fn inside_all_others(circles: &[Circle], i: usize, p: Point, tolerance: f64) -> bool {
    circles.iter().enumerate().all(|(j, other)| {
        if j == i {
            return true;
        }
        let gap = other.centre().distance(p) - other.r;
        if gap.abs() <= tolerance {
            i < j
        } else {
            gap < 0.0
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + a.abs().max(b.abs()))
    }

    /// Counts grid cells whose centre is inside every circle: an estimate that shares no code
    /// with the arc walk it checks.
    fn grid_estimate(circles: &[Circle], cells: usize) -> f64 {
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for c in circles {
            x0 = x0.min(c.x - c.r);
            y0 = y0.min(c.y - c.r);
            x1 = x1.max(c.x + c.r);
            y1 = y1.max(c.y + c.r);
        }
        let (dx, dy) = ((x1 - x0) / cells as f64, (y1 - y0) / cells as f64);
        let mut inside = 0usize;
        for i in 0..cells {
            for j in 0..cells {
                let p = Point::new(x0 + (i as f64 + 0.5) * dx, y0 + (j as f64 + 0.5) * dy);
                if circles.iter().all(|c| c.contains(p)) {
                    inside += 1;
                }
            }
        }
        inside as f64 * dx * dy
    }

    #[test]
    fn lens_area_covers_apart_nested_and_half_way() {
        assert_eq!(lens_area(1.0, 1.0, 2.5), 0.0);
        assert!(close(lens_area(1.0, 2.0, 0.5), PI, 1e-12));
        // Two unit circles one radius apart share 2π/3 − √3/2.
        assert!(close(
            lens_area(1.0, 1.0, 1.0),
            2.0 * PI / 3.0 - 3f64.sqrt() / 2.0,
            1e-12
        ));
        assert_eq!(lens_area(0.0, 1.0, 0.0), 0.0);
    }

    #[test]
    fn two_circle_arc_walk_agrees_with_the_lens_formula() {
        for d in [0.0, 0.3, 0.9, 1.5, 2.2, 3.1] {
            let a = Circle::new(0.0, 0.0, 1.2);
            let b = Circle::new(d, 0.0, 1.0);
            assert!(
                close(intersection_area(&[a, b]), lens_area(1.2, 1.0, d), 1e-9),
                "d={d}"
            );
        }
    }

    #[test]
    fn triple_area_of_three_unit_circles_through_each_others_centres() {
        // The Reuleaux triangle: (π − √3)/2 for unit radius.
        let h = 3f64.sqrt() / 2.0;
        let circles = [
            Circle::new(0.0, 0.0, 1.0),
            Circle::new(1.0, 0.0, 1.0),
            Circle::new(0.5, h, 1.0),
        ];
        assert!(close(
            intersection_area(&circles),
            (PI - 3f64.sqrt()) / 2.0,
            1e-12
        ));
    }

    #[test]
    fn triple_area_handles_nesting_disjoint_and_identical_circles() {
        let big = Circle::new(0.0, 0.0, 3.0);
        let mid = Circle::new(0.5, 0.0, 2.0);
        let small = Circle::new(0.6, 0.2, 0.5);
        assert!(close(
            intersection_area(&[big, mid, small]),
            small.area(),
            1e-12
        ));
        let far = Circle::new(10.0, 0.0, 1.0);
        assert_eq!(intersection_area(&[big, mid, far]), 0.0);
        assert!(close(
            intersection_area(&[mid, mid, mid]),
            mid.area(),
            1e-12
        ));
        // Two circles overlap, the third holds their whole lens.
        let lens = intersection_area(&[Circle::new(-0.5, 0.0, 1.0), Circle::new(0.5, 0.0, 1.0)]);
        let held = [
            Circle::new(-0.5, 0.0, 1.0),
            Circle::new(0.5, 0.0, 1.0),
            Circle::new(0.0, 0.0, 2.5),
        ];
        assert!(close(intersection_area(&held), lens, 1e-12));
        // Pairs all overlap but no point is in all three: the empty-middle case.
        let ring = [
            Circle::new(0.0, 0.0, 1.0),
            Circle::new(1.8, 0.0, 1.0),
            Circle::new(0.9, 1.6, 1.0),
        ];
        assert!(lens_area(1.0, 1.0, 1.8) > 0.0);
        assert_eq!(intersection_area(&ring), 0.0);
    }

    #[test]
    fn triple_area_matches_a_fine_grid_on_awkward_configurations() {
        let cases = [
            // The lens of two is cut by the third on one side only (issue 141's shape).
            [
                Circle::new(0.0, 0.0, 1.0),
                Circle::new(1.2, 0.0, 1.0),
                Circle::new(0.6, 1.3, 1.0),
            ],
            [
                Circle::new(0.0, 0.0, 2.0),
                Circle::new(0.5, 0.3, 0.8),
                Circle::new(1.4, 0.2, 0.9),
            ],
            [
                Circle::new(0.0, 0.0, 1.0),
                Circle::new(0.4, 0.0, 1.0),
                Circle::new(0.2, 0.9, 0.3),
            ],
            [
                Circle::new(0.0, 0.0, 3.0),
                Circle::new(2.5, 0.0, 1.0),
                Circle::new(2.5, 0.8, 1.2),
            ],
        ];
        for circles in cases {
            let exact = intersection_area(&circles);
            let grid = grid_estimate(&circles, 1200);
            let total: f64 = circles.iter().map(Circle::area).sum();
            assert!(
                (exact - grid).abs() <= 2e-3 * total,
                "{circles:?}: exact {exact} grid {grid}"
            );
        }
    }

    proptest! {
        #[test]
        fn triple_area_never_exceeds_a_pair_and_agrees_with_a_grid(
            x1 in -2.0..2.0f64, y1 in -2.0..2.0f64, r1 in 0.2..2.0f64,
            x2 in -2.0..2.0f64, y2 in -2.0..2.0f64, r2 in 0.2..2.0f64, r0 in 0.2..2.0f64,
        ) {
            let circles =
                [Circle::new(0.0, 0.0, r0), Circle::new(x1, y1, r1), Circle::new(x2, y2, r2)];
            let t = intersection_area(&circles);
            let pair = intersection_area(&circles[..2]);
            prop_assert!(t.is_finite() && t >= 0.0);
            prop_assert!(t <= pair * (1.0 + 1e-9) + 1e-12);
            let grid = grid_estimate(&circles, 300);
            let total: f64 = circles.iter().map(Circle::area).sum();
            prop_assert!((t - grid).abs() <= 1e-2 * total, "exact {} grid {}", t, grid);
        }
    }
}
