//! Placing two or three circles so their areas and overlaps are proportional to the counts.

use super::geometry::{intersection_area, lens_area, radius_for, Circle, Point};
use super::nelder_mead::minimise;
use super::RegionId;

/// What a diagram must show: set sizes and the sizes of their intersections. `ab` is |A ∩ B|
/// including anything also in C; [`VennSizes::from_regions`] builds it from the seven disjoint
/// region counts instead.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct VennSizes {
    pub a: f64,
    pub b: f64,
    pub c: f64,
    pub ab: f64,
    pub ac: f64,
    pub bc: f64,
    pub abc: f64,
}

impl VennSizes {
    /// A two-set diagram: C is empty.
    pub fn two(a: f64, b: f64, ab: f64) -> Self {
        VennSizes {
            a,
            b,
            ab,
            ..VennSizes::default()
        }
    }

    /// From the seven region counts, in [`RegionId::ALL`] order.
    pub fn from_regions(regions: [f64; 7]) -> Self {
        let r = regions.map(non_negative);
        let at = |id: RegionId| r[id.index()];
        let abc = at(RegionId::ABC);
        VennSizes {
            a: at(RegionId::A) + at(RegionId::AB) + at(RegionId::AC) + abc,
            b: at(RegionId::B) + at(RegionId::AB) + at(RegionId::BC) + abc,
            c: at(RegionId::C) + at(RegionId::AC) + at(RegionId::BC) + abc,
            ab: at(RegionId::AB) + abc,
            ac: at(RegionId::AC) + abc,
            bc: at(RegionId::BC) + abc,
            abc,
        }
    }

    /// The seven region sizes, in [`RegionId::ALL`] order.
    pub fn regions(&self) -> [f64; 7] {
        let s = self.sanitised();
        let only = |set: f64, p: f64, q: f64| (set - p - q + s.abc).max(0.0);
        [
            only(s.a, s.ab, s.ac),
            only(s.b, s.ab, s.bc),
            only(s.c, s.ac, s.bc),
            s.ab - s.abc,
            s.ac - s.abc,
            s.bc - s.abc,
            s.abc,
        ]
    }

    /// Negative or non-finite counts become 0 and no intersection exceeds what contains it, so
    /// no input can make a radius or a target NaN.
    fn sanitised(&self) -> Self {
        let (a, b, c) = (
            non_negative(self.a),
            non_negative(self.b),
            non_negative(self.c),
        );
        let ab = non_negative(self.ab).min(a).min(b);
        let ac = non_negative(self.ac).min(a).min(c);
        let bc = non_negative(self.bc).min(b).min(c);
        let abc = non_negative(self.abc).min(ab).min(ac).min(bc);
        VennSizes {
            a,
            b,
            c,
            ab,
            ac,
            bc,
            abc,
        }
    }
}

fn non_negative(x: f64) -> f64 {
    if x.is_finite() && x > 0.0 {
        x
    } else {
        0.0
    }
}

/// Circles in the layout frame: one square unit of area per member, A left of B, C below
/// them (SVG's y grows downward), the bounding box centred on the origin.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub circles: Vec<Circle>,
}

impl Layout {
    /// Which region `p` falls in, or `None` outside every circle (or on an edge).
    pub fn region_of(&self, p: Point) -> Option<RegionId> {
        let mask = self
            .circles
            .iter()
            .take(3)
            .enumerate()
            .filter(|(_, c)| c.contains(p))
            .fold(0u8, |m, (i, _)| m | (1 << i));
        RegionId::from_mask(mask)
    }

    /// The drawn area of each region, in [`RegionId::ALL`] order, by inclusion–exclusion over
    /// the exact pair and triple intersections.
    pub fn region_areas(&self) -> [f64; 7] {
        let c = |i: usize| {
            self.circles
                .get(i)
                .copied()
                .unwrap_or(Circle::new(0.0, 0.0, 0.0))
        };
        let (a, b, cc) = (c(0), c(1), c(2));
        let pair = |p: Circle, q: Circle| lens_area(p.r, q.r, p.centre().distance(q.centre()));
        let sizes = VennSizes {
            a: a.area(),
            b: b.area(),
            c: cc.area(),
            ab: pair(a, b),
            ac: pair(a, cc),
            bc: pair(b, cc),
            abc: intersection_area(&[a, b, cc]),
        };
        sizes.regions()
    }

    /// The smallest box holding every drawn circle: `(top-left, bottom-right)`.
    pub fn bounds(&self) -> Option<(Point, Point)> {
        let drawn = self.circles.iter().filter(|c| c.r > 0.0);
        drawn.fold(None, |acc, c| {
            let (lo, hi) = (
                Point::new(c.x - c.r, c.y - c.r),
                Point::new(c.x + c.r, c.y + c.r),
            );
            Some(match acc {
                None => (lo, hi),
                Some((l, h)) => (
                    Point::new(l.x.min(lo.x), l.y.min(lo.y)),
                    Point::new(h.x.max(hi.x), h.y.max(hi.y)),
                ),
            })
        })
    }

    /// The same diagram scaled and centred into a `width` × `height` viewBox with `padding` on
    /// every side, keeping proportions: what the UI draws at phone width.
    pub fn fit(&self, width: f64, height: f64, padding: f64) -> Layout {
        let (w, h) = (non_negative(width), non_negative(height));
        let room_w = (w - 2.0 * non_negative(padding)).max(0.0);
        let room_h = (h - 2.0 * non_negative(padding)).max(0.0);
        let Some((lo, hi)) = self.bounds() else {
            let centre = |_: &Circle| Circle::new(w / 2.0, h / 2.0, 0.0);
            return Layout {
                circles: self.circles.iter().map(centre).collect(),
            };
        };
        let (bw, bh) = (hi.x - lo.x, hi.y - lo.y);
        let scale = (room_w / bw).min(room_h / bh);
        let scale = if scale.is_finite() { scale } else { 0.0 };
        let (mx, my) = ((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0);
        let place = |c: &Circle| {
            Circle::new(
                w / 2.0 + (c.x - mx) * scale,
                h / 2.0 + (c.y - my) * scale,
                c.r * scale,
            )
        };
        Layout {
            circles: self.circles.iter().map(place).collect(),
        }
    }

    /// Moves the bounding box's centre to the origin.
    fn centred(mut self) -> Layout {
        if let Some((lo, hi)) = self.bounds() {
            let (mx, my) = ((lo.x + hi.x) / 2.0, (lo.y + hi.y) / 2.0);
            for c in &mut self.circles {
                c.x -= mx;
                c.y -= my;
            }
        }
        self
    }
}

/// Space left between circles that share nothing: touching would read as "almost shared".
fn disjoint_gap(r1: f64, r2: f64) -> f64 {
    let smaller = if r1 > 0.0 && r2 > 0.0 {
        r1.min(r2)
    } else {
        r1.max(r2)
    };
    0.1 * smaller
}

/// The distance between centres of circles of radii `r1`, `r2` that makes their lens area
/// `overlap`. Lens area only falls as the circles part, so bisection converges surely: 100
/// halvings of the range reach machine precision, well inside the 0.1 % promised.
pub fn distance_for_overlap(r1: f64, r2: f64, overlap: f64) -> f64 {
    let (r1, r2) = (non_negative(r1), non_negative(r2));
    let full = lens_area(r1, r2, 0.0);
    if overlap.is_nan() || overlap <= 0.0 || full <= 0.0 {
        return r1 + r2 + disjoint_gap(r1, r2);
    }
    if overlap >= full * (1.0 - 1e-12) {
        // A subset: set the smaller circle off-centre so the larger one's own part is a wide
        // crescent with room for words, rather than a thin ring.
        return 0.5 * (r1 - r2).abs();
    }
    let (mut lo, mut hi) = ((r1 - r2).abs(), r1 + r2);
    for _ in 0..100 {
        let mid = 0.5 * (lo + hi);
        if lens_area(r1, r2, mid) > overlap {
            lo = mid;
        } else {
            hi = mid;
        }
        if hi - lo <= 1e-13 * (r1 + r2) {
            break;
        }
    }
    0.5 * (lo + hi)
}

/// Two circles of areas `a` and `b` overlapping by `ab`, A on the left.
pub fn layout2(a: f64, b: f64, ab: f64) -> Layout {
    let s = VennSizes::two(a, b, ab).sanitised();
    let (ra, rb) = (radius_for(s.a), radius_for(s.b));
    let d = distance_for_overlap(ra, rb, s.ab);
    Layout {
        circles: vec![Circle::new(0.0, 0.0, ra), Circle::new(d, 0.0, rb)],
    }
    .centred()
}

/// The pairs of sets, in the order used by the targets: AB, AC, BC.
const PAIRS: [(usize, usize); 3] = [(0, 1), (0, 2), (1, 2)];

/// What the optimiser aims at. Each intersection's error is divided by its target, so a
/// small overlap counts as much as a large one, except below a floor of 5 % of the smaller set,
/// where "relative" would make a sliver of overlap matter more than the whole diagram. Real
/// maps often give counts no circles can show (pairs overlapping round an empty middle); of
/// the floors tried on the sample network's triples, 5 % misplaced the least area there.
struct Targets {
    radii: [f64; 3],
    pairs: [f64; 3],
    pair_scales: [f64; 3],
    triple: f64,
    triple_scale: f64,
}

impl Targets {
    fn new(s: &VennSizes) -> Self {
        let sizes = [s.a, s.b, s.c];
        let floor = |m: f64| 0.05 * m;
        let pairs = [s.ab, s.ac, s.bc];
        let pair_scales = std::array::from_fn(|k| {
            let (i, j) = PAIRS[k];
            pairs[k].max(floor(sizes[i].min(sizes[j])))
        });
        Targets {
            radii: sizes.map(radius_for),
            pairs,
            pair_scales,
            triple: s.abc,
            triple_scale: s.abc.max(floor(s.a.min(s.b).min(s.c))),
        }
    }

    /// A at the origin and B on the x axis: rotating or moving the whole diagram changes no
    /// area, so three numbers (B's x, C's x and y) describe every distinct layout.
    fn circles(&self, v: &[f64; 3]) -> [Circle; 3] {
        [
            Circle::new(0.0, 0.0, self.radii[0]),
            Circle::new(v[0], 0.0, self.radii[1]),
            Circle::new(v[1], v[2], self.radii[2]),
        ]
    }

    /// Sum of squared relative errors of the three pair and the triple intersection areas.
    fn loss(&self, v: &[f64; 3]) -> f64 {
        let c = self.circles(v);
        let mut loss = 0.0;
        for (k, &(i, j)) in PAIRS.iter().enumerate() {
            if self.pair_scales[k] > 0.0 {
                let area = lens_area(c[i].r, c[j].r, c[i].centre().distance(c[j].centre()));
                loss += ((area - self.pairs[k]) / self.pair_scales[k]).powi(2);
            }
        }
        if self.triple_scale > 0.0 {
            loss += ((intersection_area(&c) - self.triple) / self.triple_scale).powi(2);
        }
        loss
    }
}

/// Puts A at the origin, B at `d_ab` along x and C where its distances to both come closest
/// to `d_ac` and `d_bc` (on the axis when no triangle has those sides).
fn trilaterate(d_ab: f64, d_ac: f64, d_bc: f64) -> [f64; 3] {
    if d_ab <= 1e-12 {
        return [d_ab, d_ac, 0.0];
    }
    let x = (d_ac * d_ac - d_bc * d_bc + d_ab * d_ab) / (2.0 * d_ab);
    let y = (d_ac * d_ac - x * x).max(0.0).sqrt();
    [d_ab, x, y]
}

/// Layout cost caps, in loss evaluations (each ~0.5 µs natively): a feasible input is solved
/// in a few hundred, an impossible one (counts no circles can show) stops at the total with
/// the best compromise found, well inside the 2 ms budget.
const EVALUATIONS_PER_START: usize = 400;
const EVALUATIONS_IN_ALL: usize = 1500;
const SOLVED: f64 = 1e-12;

/// Three circles whose areas are the set sizes and whose pair and triple overlaps come as
/// close as circles allow to the intersection sizes.
///
/// Each pair's distance is first solved exactly as in [`layout2`] and the triangle of those
/// distances built directly; when every pair partly overlaps that already fixes the diagram.
/// Nelder–Mead then corrects the triple region and the pairs whose distance is free (nested or
/// apart), trying the extremes of those free distances as further starts if the first stalls.
pub fn layout3(sizes: &VennSizes) -> Layout {
    let s = sizes.sanitised();
    let t = Targets::new(&s);
    let [ra, rb, rc] = t.radii;
    let mean_r = (ra + rb + rc) / 3.0;
    if mean_r <= 0.0 {
        return Layout {
            circles: vec![Circle::new(0.0, 0.0, 0.0); 3],
        };
    }
    let distances: [f64; 3] = std::array::from_fn(|k| {
        let (i, j) = PAIRS[k];
        distance_for_overlap(t.radii[i], t.radii[j], t.pairs[k])
    });
    let step = 0.1 * mean_r;
    let mut left = EVALUATIONS_IN_ALL;
    let solve = |d: [f64; 3], left: &mut usize| {
        let start = trilaterate(d[0], d[1], d[2]);
        let budget = (*left).min(EVALUATIONS_PER_START);
        let m = minimise(|v| t.loss(v), start, step, budget, SOLVED);
        *left = left.saturating_sub(m.evaluations);
        m
    };
    let mut best = solve(distances, &mut left);
    for d in alternative_distances(&t, distances) {
        // Too few evaluations left to build a simplex and move it: keep what we have.
        if best.value <= SOLVED || left < 20 {
            break;
        }
        let tried = solve(d, &mut left);
        if tried.value < best.value {
            best = tried;
        }
    }
    let mut circles = t.circles(&best.at);
    // Reading order: A left of B, C below them.
    if circles[1].x < 0.0 {
        circles.iter_mut().for_each(|c| c.x = -c.x);
    }
    if circles[2].y < 0.0 {
        circles.iter_mut().for_each(|c| c.y = -c.y);
    }
    Layout {
        circles: circles.to_vec(),
    }
    .centred()
}

/// Starting distances at the ends of each free range: nested pairs concentric or touching
/// inside, apart pairs just apart or well apart. At most eight combinations; none when every
/// pair partly overlaps, as then the first start was the only one.
fn alternative_distances(t: &Targets, solved: [f64; 3]) -> Vec<[f64; 3]> {
    let choices: Vec<Vec<f64>> = (0..3)
        .map(|k| {
            let (i, j) = PAIRS[k];
            let (ri, rj) = (t.radii[i], t.radii[j]);
            let full = lens_area(ri, rj, 0.0);
            if full > 0.0 && t.pairs[k] >= full * (1.0 - 1e-12) {
                vec![0.0, (ri - rj).abs()]
            } else if t.pairs[k] <= 0.0 {
                vec![ri + rj, solved[k] + (ri + rj) * 0.5]
            } else {
                vec![solved[k]]
            }
        })
        .collect();
    let mut out = Vec::new();
    for &x in &choices[0] {
        for &y in &choices[1] {
            for &z in &choices[2] {
                if [x, y, z] != solved {
                    out.push([x, y, z]);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::f64::consts::PI;

    /// Relative error of each region, against the larger of its target and 1 % of the whole
    /// diagram: a region of a few hundredths of a unit cannot be held to 5 % of itself.
    fn worst_region_error(layout: &Layout, want: [f64; 7]) -> f64 {
        let got = layout.region_areas();
        let total: f64 = want.iter().sum();
        (0..7)
            .map(|i| (got[i] - want[i]).abs() / want[i].max(0.01 * total))
            .fold(0.0, f64::max)
    }

    #[test]
    fn two_sets_cover_apart_nested_and_empty_inputs() {
        let apart = layout2(10.0, 20.0, 0.0);
        let [a, b] = [apart.circles[0], apart.circles[1]];
        assert!(a.centre().distance(b.centre()) > a.r + b.r);
        let nested = layout2(10.0, 20.0, 10.0);
        let [a, b] = [nested.circles[0], nested.circles[1]];
        assert!(a.centre().distance(b.centre()) + a.r <= b.r + 1e-9);
        assert!((nested.region_areas()[RegionId::AB.index()] - 10.0).abs() < 1e-9);
        assert!(a.x < b.x, "A is drawn on the left");
        for (x, y, z) in [
            (0.0, 0.0, 0.0),
            (0.0, 5.0, 3.0),
            (f64::NAN, -1.0, f64::INFINITY),
        ] {
            let l = layout2(x, y, z);
            assert!(l
                .circles
                .iter()
                .all(|c| c.x.is_finite() && c.y.is_finite() && c.r >= 0.0));
        }
    }

    #[test]
    fn fit_fills_the_view_box_inside_the_padding() {
        let fitted = layout2(30.0, 10.0, 4.0).fit(360.0, 200.0, 10.0);
        let (lo, hi) = fitted.bounds().unwrap();
        assert!(lo.x >= 10.0 - 1e-9 && lo.y >= 10.0 - 1e-9);
        assert!(hi.x <= 350.0 + 1e-9 && hi.y <= 190.0 + 1e-9);
        assert!((hi.x - lo.x - 340.0).abs() < 1e-9 || (hi.y - lo.y - 180.0).abs() < 1e-9);
        let empty = layout2(0.0, 0.0, 0.0).fit(100.0, 50.0, 200.0);
        assert!(empty
            .circles
            .iter()
            .all(|c| c.x == 50.0 && c.y == 25.0 && c.r == 0.0));
    }

    proptest! {
        #[test]
        fn two_set_overlap_is_within_a_thousandth_of_its_target(
            a in 0.5..500.0f64, b in 0.5..500.0f64, share in 0.0..=1.0f64,
        ) {
            let ab = share * a.min(b);
            let areas = layout2(a, b, ab).region_areas();
            let drawn = areas[RegionId::AB.index()];
            prop_assert!((drawn - ab).abs() <= 1e-3 * ab.max(1e-9), "drawn {} want {}", drawn, ab);
            prop_assert!((areas[RegionId::A.index()] + drawn - a).abs() <= 1e-6 * a);
        }
    }

    /// Feasible cases by construction: areas read off real circle placements.
    fn placed_cases() -> Vec<[Circle; 3]> {
        let h = 3f64.sqrt() / 2.0;
        vec![
            [
                Circle::new(0.0, 0.0, 1.0),
                Circle::new(1.0, 0.0, 1.0),
                Circle::new(0.5, h, 1.0),
            ],
            [
                Circle::new(0.0, 0.0, 2.0),
                Circle::new(1.5, 0.0, 1.0),
                Circle::new(0.4, 1.2, 1.5),
            ],
            [
                Circle::new(0.0, 0.0, 1.0),
                Circle::new(1.8, 0.0, 1.0),
                Circle::new(0.9, 1.6, 1.0),
            ],
            [
                Circle::new(0.0, 0.0, 3.0),
                Circle::new(0.8, 0.5, 1.0),
                Circle::new(2.6, 0.0, 1.2),
            ],
            [
                Circle::new(0.0, 0.0, 1.0),
                Circle::new(1.5, 0.0, 1.0),
                Circle::new(5.0, 0.0, 1.0),
            ],
            [
                Circle::new(0.0, 0.0, 1.5),
                Circle::new(0.5, 0.0, 1.2),
                Circle::new(0.3, 0.4, 0.4),
            ],
            [
                Circle::new(0.0, 0.0, 1.0),
                Circle::new(1.2, 0.3, 0.6),
                Circle::new(-0.4, 1.1, 0.7),
            ],
            [
                Circle::new(0.0, 0.0, 2.0),
                Circle::new(1.0, 0.0, 2.0),
                Circle::new(0.5, 0.1, 0.3),
            ],
        ]
    }

    #[test]
    fn three_sets_recover_the_regions_of_real_placements_within_5_percent() {
        for circles in placed_cases() {
            let want = Layout {
                circles: circles.to_vec(),
            }
            .region_areas();
            let got = layout3(&VennSizes::from_regions(want));
            let err = worst_region_error(&got, want);
            assert!(
                err <= 0.05,
                "{circles:?}: error {err}, got {:?}",
                got.region_areas()
            );
        }
    }

    #[test]
    fn three_sets_hand_picked_cases() {
        let cases: [(&str, [f64; 7]); 5] = [
            ("all equal", [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 12.0]),
            ("C inside A and B", [10.0, 10.0, 0.0, 6.0, 0.0, 0.0, 3.0]),
            ("C apart", [8.0, 8.0, 9.0, 4.0, 0.0, 0.0, 0.0]),
            (
                "equal pairs, empty middle",
                [20.0, 20.0, 20.0, 1.0, 1.0, 1.0, 0.0],
            ),
            ("one empty set", [5.0, 0.0, 7.0, 0.0, 3.0, 0.0, 0.0]),
        ];
        for (name, want) in cases {
            let got = layout3(&VennSizes::from_regions(want));
            let err = worst_region_error(&got, want);
            assert!(
                err <= 0.05,
                "{name}: error {err}, got {:?}",
                got.region_areas()
            );
            let c = &got.circles;
            assert!(c[0].x <= c[1].x + 1e-9, "{name}: A is left of B");
        }
        let circles_sum = |l: &Layout| l.circles.iter().map(|c| c.area()).sum::<f64>();
        let equal = layout3(&VennSizes::from_regions([
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 12.0,
        ]));
        assert!((circles_sum(&equal) - 36.0).abs() < 1e-9);
        assert!((equal.circles[0].r - (12.0 / PI).sqrt()).abs() < 1e-12);
    }

    #[test]
    fn three_sets_survive_impossible_and_degenerate_inputs() {
        let inputs = [
            VennSizes::default(),
            VennSizes::from_regions([0.0, 0.0, 0.0, 9.0, 9.0, 9.0, 0.0]),
            VennSizes::from_regions([f64::NAN, -3.0, f64::INFINITY, 1.0, 0.0, 2.0, 1.0]),
            VennSizes::two(1e300, 1e-300, 1e-300),
            VennSizes::from_regions([1e-12, 1e12, 1.0, 1e6, 0.0, 1e-9, 3.0]),
            VennSizes {
                a: 1.0,
                b: 1.0,
                c: 1.0,
                ab: 5.0,
                ac: 5.0,
                bc: 5.0,
                abc: 5.0,
            },
        ];
        for s in inputs {
            let l = layout3(&s);
            assert_eq!(l.circles.len(), 3);
            assert!(l
                .circles
                .iter()
                .all(|c| c.x.is_finite() && c.y.is_finite() && c.r >= 0.0));
            assert!(l.region_areas().iter().all(|a| a.is_finite() && *a >= 0.0));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn three_sets_recover_random_placements(
            rb in 0.3..2.0f64, rc in 0.3..2.0f64,
            bx in 0.0..3.0f64, cx in -2.0..3.0f64, cy in 0.0..3.0f64,
        ) {
            let placed = Layout { circles: vec![
                Circle::new(0.0, 0.0, 1.0), Circle::new(bx, 0.0, rb), Circle::new(cx, cy, rc),
            ] };
            let want = placed.region_areas();
            let got = layout3(&VennSizes::from_regions(want));
            let err = worst_region_error(&got, want);
            prop_assert!(err <= 0.05, "error {} want {:?} got {:?}", err, want, got.region_areas());
        }
    }
}
