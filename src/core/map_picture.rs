//! The My map picture's geometry: one circle ("petal") per category, sized by how many
//! interests it holds, all meeting in the middle where "Me" is, and where each petal's count
//! goes so that no two texts overlap. Category names go in a legend beside the picture, as in
//! the Venn diagrams: a long name cannot fit a small petal.

use super::venn::text_width;

/// The picture's side, in its own units.
pub const SIZE: f64 = 320.0;
/// Font size of the counts and of "Me".
pub const FONT: f64 = 13.0;
/// Height of one line of text.
pub const LINE: f64 = 16.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Petal {
    pub x: f64,
    pub y: f64,
    pub r: f64,
    /// Where the count is written (its centre).
    pub label_x: f64,
    pub label_y: f64,
}

/// Petals for categories holding `counts` interests (every count at least 1), in order
/// clockwise from the top.
pub fn petals(counts: &[usize]) -> Vec<Petal> {
    let max = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
    let n = counts.len() as f64;
    let centre = SIZE / 2.0;
    counts
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let r = 28.0 + 42.0 * ((*c as f64) / max).sqrt();
            let angle = std::f64::consts::TAU * k as f64 / n - std::f64::consts::FRAC_PI_2;
            if counts.len() == 1 {
                // One circle round "Me": its count sits under the name, not on it.
                return Petal {
                    x: centre,
                    y: centre,
                    r,
                    label_x: centre,
                    label_y: centre + LINE * 1.25,
                };
            }
            let ring = r * 0.85;
            // Out towards the petal's far edge, clear of "Me" and of the neighbours.
            let label_ring = ring + r * 0.6;
            Petal {
                x: centre + ring * angle.cos(),
                y: centre + ring * angle.sin(),
                r,
                label_x: centre + label_ring * angle.cos(),
                label_y: centre + label_ring * angle.sin(),
            }
        })
        .collect()
}

/// The view box (x, y, width, height) that holds every petal with `pad` to spare, so the
/// picture has no empty band above or below a map of few categories.
pub fn view_box(petals: &[Petal], pad: f64) -> (f64, f64, f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (SIZE / 2.0, SIZE / 2.0, SIZE / 2.0, SIZE / 2.0);
    for p in petals {
        x0 = x0.min(p.x - p.r);
        y0 = y0.min(p.y - p.r);
        x1 = x1.max(p.x + p.r);
        y1 = y1.max(p.y + p.r);
    }
    (x0 - pad, y0 - pad, x1 - x0 + 2.0 * pad, y1 - y0 + 2.0 * pad)
}

/// The box `text` covers when centred at (`x`, `y`).
pub fn text_box(text: &str, x: f64, y: f64) -> (f64, f64, f64, f64) {
    let w = text_width(text, FONT);
    (x - w / 2.0, y - LINE / 2.0, x + w / 2.0, y + LINE / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apart(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
        a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1
    }

    #[test]
    fn the_view_box_holds_every_petal_and_no_more() {
        let p = petals(&[3, 1, 1]);
        let (x, y, w, h) = view_box(&p, 4.0);
        for q in &p {
            assert!(q.x - q.r >= x && q.x + q.r <= x + w);
            assert!(q.y - q.r >= y && q.y + q.r <= y + h);
        }
        let top = p.iter().map(|q| q.y - q.r).fold(f64::MAX, f64::min);
        assert!((top - 4.0 - y).abs() < 1e-9);
        assert!(w <= SIZE && h < SIZE);
    }

    #[test]
    fn counts_never_overlap_each_other_or_me() {
        let centre = SIZE / 2.0;
        for n in 1..=11 {
            for counts in [vec![1; n], (1..=n).map(|k| k * 17).collect::<Vec<_>>(), {
                let mut v = vec![1; n];
                v[0] = 200;
                v
            }] {
                let p = petals(&counts);
                let mut boxes = vec![text_box("Me", centre, centre)];
                for (petal, c) in p.iter().zip(&counts) {
                    boxes.push(text_box(&c.to_string(), petal.label_x, petal.label_y));
                }
                for i in 0..boxes.len() {
                    for j in i + 1..boxes.len() {
                        assert!(
                            apart(boxes[i], boxes[j]),
                            "{n} petals {counts:?}: {i} and {j}"
                        );
                    }
                }
                // Each count is inside its own petal.
                for (petal, c) in p.iter().zip(&counts) {
                    let (x0, y0, x1, y1) = text_box(&c.to_string(), petal.label_x, petal.label_y);
                    for (x, y) in [(x0, y0), (x1, y0), (x0, y1), (x1, y1)] {
                        let d = ((x - petal.x).powi(2) + (y - petal.y).powi(2)).sqrt();
                        assert!(
                            d <= petal.r,
                            "{n} petals {counts:?}: count outside its petal"
                        );
                    }
                }
            }
        }
    }
}
