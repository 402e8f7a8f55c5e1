//! A small Nelder–Mead minimiser: derivative-free, as overlap areas kink where circles touch.

use crate::core::order;

/// What a run of [`minimise`] found, and what it cost.
pub struct Minimum<const N: usize> {
    pub at: [f64; N],
    pub value: f64,
    pub evaluations: usize,
}

/// Minimises `f` from `start`, with an initial simplex of edge `step` along each axis.
///
/// Stops once `max_evaluations` calls of `f` are spent, when the best value is below
/// `good_enough`, or when the simplex has shrunk to a millionth of `step`. Counting calls
/// rather than iterations (a shrink costs N of them) is what bounds the time a layout takes
/// on inputs no placement can satisfy.
pub fn minimise<const N: usize>(
    f: impl Fn(&[f64; N]) -> f64,
    start: [f64; N],
    step: f64,
    max_evaluations: usize,
    good_enough: f64,
) -> Minimum<N> {
    let evaluations = std::cell::Cell::new(0usize);
    // A non-finite value (never expected) is treated as worst, so it cannot steer the search.
    let eval = |x: &[f64; N]| {
        evaluations.set(evaluations.get() + 1);
        let v = f(x);
        if v.is_finite() {
            v
        } else {
            f64::MAX
        }
    };
    let mut simplex: Vec<([f64; N], f64)> = Vec::with_capacity(N + 1);
    simplex.push((start, eval(&start)));
    for axis in 0..N {
        let mut x = start;
        x[axis] += step;
        simplex.push((x, eval(&x)));
    }
    loop {
        order::sort_by(&mut simplex, |a, b| a.1.total_cmp(&b.1));
        let (best, worst) = (simplex[0].1, simplex[N].1);
        if best <= good_enough
            || evaluations.get() + N + 2 > max_evaluations
            || simplex_size(&simplex) <= 1e-6 * step.abs()
        {
            break;
        }
        let centroid = centroid(&simplex[..N]);
        let toward = |t: f64| -> [f64; N] {
            // The point on the line from the centroid through the worst vertex, at `t`.
            std::array::from_fn(|i| centroid[i] + t * (simplex[N].0[i] - centroid[i]))
        };
        let reflected = toward(-1.0);
        let fr = eval(&reflected);
        if fr < best {
            let expanded = toward(-2.0);
            let fe = eval(&expanded);
            simplex[N] = if fe < fr {
                (expanded, fe)
            } else {
                (reflected, fr)
            };
        } else if fr < simplex[N - 1].1 {
            simplex[N] = (reflected, fr);
        } else {
            let (contracted, fc) = if fr < worst {
                let x = toward(-0.5);
                (x, eval(&x))
            } else {
                let x = toward(0.5);
                (x, eval(&x))
            };
            if fc < worst.min(fr) {
                simplex[N] = (contracted, fc);
            } else {
                // Nothing along that line helps: pull every vertex halfway to the best one.
                let best_x = simplex[0].0;
                for vertex in simplex.iter_mut().skip(1) {
                    let x: [f64; N] = std::array::from_fn(|i| 0.5 * (best_x[i] + vertex.0[i]));
                    *vertex = (x, eval(&x));
                }
            }
        }
    }
    let (at, value) = simplex
        .into_iter()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap_or((start, f64::MAX));
    Minimum {
        at,
        value,
        evaluations: evaluations.get(),
    }
}

fn centroid<const N: usize>(vertices: &[([f64; N], f64)]) -> [f64; N] {
    let n = vertices.len().max(1) as f64;
    std::array::from_fn(|i| vertices.iter().map(|v| v.0[i]).sum::<f64>() / n)
}

fn simplex_size<const N: usize>(simplex: &[([f64; N], f64)]) -> f64 {
    let first = simplex[0].0;
    simplex
        .iter()
        .map(|v| {
            (0..N)
                .map(|i| (v.0[i] - first[i]).abs())
                .fold(0.0, f64::max)
        })
        .fold(0.0, f64::max)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_bottom_of_a_bowl_and_of_the_rosenbrock_valley() {
        let m = minimise(
            |p: &[f64; 2]| (p[0] - 3.0).powi(2) + 10.0 * (p[1] + 1.0).powi(2),
            [0.0, 0.0],
            1.0,
            1000,
            1e-14,
        );
        let x = m.at;
        assert!(m.value < 1e-10 && (x[0] - 3.0).abs() < 1e-4 && (x[1] + 1.0).abs() < 1e-4);
        let m = minimise(
            |p: &[f64; 2]| (1.0 - p[0]).powi(2) + 100.0 * (p[1] - p[0] * p[0]).powi(2),
            [-1.2, 1.0],
            0.5,
            4000,
            1e-16,
        );
        let x = m.at;
        assert!(
            (x[0] - 1.0).abs() < 1e-3 && (x[1] - 1.0).abs() < 1e-3,
            "{x:?}"
        );
        assert!(m.evaluations <= 4000);
    }

    #[test]
    fn a_nan_valued_function_does_not_break_it() {
        let m = minimise(|_: &[f64; 3]| f64::NAN, [0.0; 3], 1.0, 50, 0.0);
        assert_eq!(m.value, f64::MAX);
        assert!(m.evaluations <= 50);
    }
}
