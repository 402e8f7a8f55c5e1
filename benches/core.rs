//! Times the core's overlap and Venn figures against their budgets: `cargo bench --bench core`.
//!
//! A plain program (`harness = false`): each figure is run many times and reported as median
//! and 95th percentile, because a layout's cost depends on its input and the budget is about
//! the slow cases too.

// Not app code: it may sort with the standard library (clippy.toml).
#![allow(clippy::disallowed_methods)]

use common_ground::core::document::Document;
use common_ground::core::model::Interest;
use common_ground::core::overlap::{
    near_pairs, overlap, overlap3, rank_pairs, room_overlap, MyKeys,
};
use common_ground::core::queries::who_shares;
use common_ground::core::sample::{network_from_json, network_json};
use common_ground::core::vcard::{parse_vcf, MAX_FILE_BYTES};
use common_ground::core::venn::{label_anchors, layout2, layout3, Circle, Layout, VennSizes};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Median and 95th percentile of `runs` timings of `f`, for whole-network figures.
fn time(runs: usize, mut f: impl FnMut()) -> String {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    format!("{} / {}", show(at(0.5)), show(at(0.95)))
}

/// Each input's cost as the fastest of `reps` runs (what it costs, not what the scheduler
/// added), sorted: a budget about slow inputs is then read off the tail, not off noise.
fn per_input<T>(inputs: &[T], reps: usize, mut f: impl FnMut(&T)) -> Vec<Duration> {
    let mut costs: Vec<Duration> = inputs
        .iter()
        .map(|input| {
            (0..reps)
                .map(|_| {
                    let start = Instant::now();
                    f(input);
                    start.elapsed()
                })
                .min()
                .unwrap_or_default()
        })
        .collect();
    costs.sort();
    costs
}

/// "median / p95 / slowest" of sorted costs.
fn spread(costs: &[Duration]) -> String {
    if costs.is_empty() {
        return "—".into();
    }
    let at = |q: f64| costs[((costs.len() - 1) as f64 * q).round() as usize];
    format!("{} / {} / {}", show(at(0.5)), show(at(0.95)), show(at(1.0)))
}

fn show(d: Duration) -> String {
    if d.as_secs_f64() >= 1e-3 {
        format!("{:.2} ms", d.as_secs_f64() * 1e3)
    } else {
        format!("{:.1} µs", d.as_secs_f64() * 1e6)
    }
}

/// A deterministic pseudo-random stream (64-bit LCG), so every run times the same inputs.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// Three-set inputs read off random circle placements: feasible, so the area error measures
/// the layout and not the input.
fn placed_inputs(n: usize) -> Vec<[f64; 7]> {
    let mut rng = Lcg(7);
    (0..n)
        .map(|_| {
            let mut r = || rng.next();
            let circles = vec![
                Circle::new(0.0, 0.0, 1.0),
                Circle::new(3.0 * r(), 0.0, 0.3 + 1.7 * r()),
                Circle::new(5.0 * r() - 2.0, 3.0 * r(), 0.3 + 1.7 * r()),
            ];
            Layout { circles }.region_areas()
        })
        .collect()
}

/// Worst region error as the layout tests measure it: relative to the region, or to 1 % of
/// the diagram for regions smaller than that.
fn region_error(layout: &Layout, want: [f64; 7]) -> f64 {
    let got = layout.region_areas();
    let total: f64 = want.iter().sum();
    (0..7)
        .map(|i| (got[i] - want[i]).abs() / want[i].max(0.01 * total))
        .fold(0.0, f64::max)
}

fn main() {
    let mut rows: Vec<(String, String, &str)> = Vec::new();

    let mut rng = Lcg(1);
    let two: Vec<(f64, f64, f64)> = (0..2000)
        .map(|_| {
            let (a, b) = (1.0 + 200.0 * rng.next(), 1.0 + 200.0 * rng.next());
            (a, b, rng.next() * a.min(b))
        })
        .collect();
    let costs = per_input(&two, 5, |&(a, b, ab)| {
        black_box(layout2(black_box(a), black_box(b), black_box(ab)));
    });
    rows.push((
        format!(
            "two-set layout, {} inputs (median / p95 / slowest)",
            two.len()
        ),
        spread(&costs),
        "—",
    ));

    let placed = placed_inputs(500);
    let costs = per_input(&placed, 5, |want| {
        black_box(layout3(&VennSizes::from_regions(black_box(*want))));
    });
    rows.push((
        format!(
            "three-set layout, {} feasible placements (median / p95 / slowest)",
            placed.len()
        ),
        spread(&costs),
        "≤ 2 ms",
    ));
    let worst = placed
        .iter()
        .map(|want| region_error(&layout3(&VennSizes::from_regions(*want)), *want))
        .fold(0.0, f64::max);
    rows.push((
        format!("three-set region area error, worst of {}", placed.len()),
        format!("{:.4} %", worst * 100.0),
        "≤ 5 %",
    ));

    let layouts: Vec<Layout> = placed
        .iter()
        .take(200)
        .map(|w| layout3(&VennSizes::from_regions(*w)))
        .collect();
    let costs = per_input(&layouts, 3, |layout| {
        black_box(label_anchors(black_box(layout)));
    });
    rows.push((
        format!(
            "label anchors, {} three-set layouts (median / p95 / slowest)",
            layouts.len()
        ),
        spread(&costs),
        "—",
    ));

    // A hostile 5 MB vCard (soft line breaks and unclosed quotes everywhere): the import must
    // stay quick on it. Timed here rather than asserted in a unit test, where a busy machine
    // would make it flaky.
    let hostile = hostile_vcard();
    let costs = per_input(&[()], 3, |_| {
        black_box(parse_vcf(black_box(&hostile)).ok());
    });
    rows.push((
        "hostile 5 MB vCard file, parsed (fastest of 3)".into(),
        show(costs[0]),
        "—",
    ));

    // The sample network ships in the repository, so a missing or broken file is a failure,
    // not a reason to print half a table.
    let network = network_json()
        .and_then(|text| network_from_json(&text))
        .unwrap_or_else(|e| panic!("the sample network: {e}"));
    network_rows(&network, &mut rows);

    println!("| figure | measured | budget |");
    println!("|---|---|---|");
    for (figure, measured, budget) in rows {
        println!("| {figure} | {measured} | {budget} |");
    }
}

/// The file of the core's vCard test of the same name: just under the 5 MB limit.
fn hostile_vcard() -> String {
    let mut file = String::from("BEGIN:VCARD\r\nNOTE;ENCODING=QUOTED-PRINTABLE:a=\r\n");
    while file.len() < MAX_FILE_BYTES - 100_000 {
        file.push_str("b=\r\n \"=\r\nINTEREST:run\r\nTEL:1\r\n");
    }
    file.push_str("X;A=\"");
    file.push_str(&" x=\r\n".repeat(10_000));
    file.push_str("\r\nEND:VCARD\r\n");
    file
}

fn network_rows(network: &Document, rows: &mut Vec<(String, String, &str)>) {
    let mine = network.me.interests.clone();
    let people: Vec<(String, Vec<Interest>)> = network
        .people
        .values()
        .map(|p| (p.id.0.clone(), p.interests.clone()))
        .collect();
    let borrowed: Vec<(&str, &[Interest])> = people
        .iter()
        .map(|(id, i)| (id.as_str(), i.as_slice()))
        .collect();

    // "Who shares this?" on one of my interests: the same interest, and anything close to it.
    if let Some(first) = mine.first() {
        let measured = time(30, || {
            black_box(who_shares(black_box(&first.label), network.people.values()));
        });
        rows.push((
            format!(
                "who shares \"{}\" and who has something close, {} people (median / p95)",
                first.label,
                people.len()
            ),
            measured,
            "—",
        ));
    }

    let measured = time(30, || {
        let keys = MyKeys::new(black_box(&mine));
        black_box(keys.rank(black_box(&borrowed)));
    });
    rows.push((
        format!("rank me against {} people (median / p95)", people.len()),
        measured,
        "≤ 50 ms in the browser",
    ));
    let keys = MyKeys::new(&mine);
    let measured = time(30, || {
        for (_, theirs) in &borrowed {
            black_box(keys.score(black_box(theirs)));
        }
    });
    rows.push((
        format!(
            "score against each of {} people, no memo (median / p95)",
            people.len()
        ),
        measured,
        "—",
    ));
    let measured = time(10, || {
        for (_, theirs) in &borrowed {
            black_box(keys.overlap(black_box(theirs)));
        }
    });
    rows.push((
        format!(
            "full Overlap lists for each of {} people (median / p95)",
            people.len()
        ),
        measured,
        "— (the UI builds one at a time)",
    ));
    let costs = per_input(&people[..500], 3, |(_, theirs)| {
        black_box(overlap(black_box(&mine), black_box(theirs)));
    });
    rows.push((
        "one overlap, me and a person (median / p95 / slowest)".into(),
        spread(&costs),
        "—",
    ));

    // The busiest event's room: who to introduce to whom, and what the room shares.
    let rooms: Vec<Vec<(&str, &[Interest])>> = network
        .events
        .values()
        .map(|e| {
            borrowed
                .iter()
                .filter(|(id, _)| e.attendees.iter().any(|a| a.0 == *id))
                .copied()
                .collect()
        })
        .collect();
    if let Some(room) = rooms.iter().max_by_key(|r| r.len()) {
        let measured = time(30, || {
            black_box(rank_pairs(black_box(room)));
            black_box(room_overlap(black_box(room)));
        });
        rows.push((
            format!(
                "pairs + room overlap, {} attendees (median / p95)",
                room.len()
            ),
            measured,
            "—",
        ));
        // The worst case for close pairs: nothing shared outright, so every pair is looked at.
        let measured = time(30, || {
            black_box(near_pairs(black_box(room), &[], usize::MAX));
        });
        rows.push((
            format!(
                "close pairs, every pair of {} attendees (median / p95)",
                room.len()
            ),
            measured,
            "—",
        ));
    }

    // Three real maps: me and two people, as "compare with…" shows them. Counts from real
    // maps need not be drawable exactly, so these exercise the optimiser's slow path too.
    let triples: Vec<[f64; 7]> = (0..500)
        .map(|i| {
            let (b, c) = (&people[i].1, &people[(i * 7 + 1) % people.len()].1);
            overlap3(&mine, b, c).venn_sizes().regions()
        })
        .collect();
    let costs = per_input(&triples, 5, |want| {
        black_box(layout3(&VennSizes::from_regions(black_box(*want))));
    });
    rows.push((
        format!(
            "three-set layout, me + two sample people, {} inputs (median / p95 / slowest)",
            triples.len()
        ),
        spread(&costs),
        "≤ 2 ms",
    ));
}
