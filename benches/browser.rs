//! The core's hot paths in a real browser (wasm in headless Chromium, driven by
//! wasm-bindgen-test-runner): me against the 5,000-person sample, as the People and event pages
//! rank it, and a share link made and read back with the format-2 tables. Run by
//! `scripts/bench` (`cargo bench --target wasm32-unknown-unknown --features sample --bench
//! browser`); times are printed, never asserted — machines are noisy.
#![cfg(target_arch = "wasm32")]

use common_ground::core::model::Interest;
use common_ground::core::overlap::MyKeys;
use common_ground::core::sample::{gunzip_text, network_from_json, share_payload};
use common_ground::core::share::{decode_with, encode_with, ShareModel, SharePayload};
use std::time::Duration;
use wasm_bindgen_test::{wasm_bindgen_bench, wasm_bindgen_test_configure, Criterion};

wasm_bindgen_test_configure!(run_in_browser);

/// Each bench runs in one synchronous task of the page, and the test runner gives up on a page
/// that has not answered its driver for 20 s: 1 s of warm-up and 3 s of samples keep both
/// benches, with their set-up, well inside that.
fn short(c: &mut Criterion) {
    *c = std::mem::take(c)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
}

const NETWORK_GZ: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/network-5000.json.gz"
));

#[wasm_bindgen_bench]
fn rank_me_against_five_thousand_people(c: &mut Criterion) {
    short(c);
    let json = gunzip_text(NETWORK_GZ).expect("the sample network unpacks");
    let doc = network_from_json(&json).expect("the sample network parses");
    let people: Vec<(String, &[Interest])> = doc
        .people
        .values()
        .map(|p| (p.id.0.clone(), p.interests.as_slice()))
        .collect();
    // What is timed must be the real ranking: everyone, best first.
    let ranked = MyKeys::new(&doc.me.interests).rank(&people);
    assert_eq!(ranked.len(), 5_000);
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
    c.bench_function("rank-5000-browser", |b| {
        b.iter(|| MyKeys::new(&doc.me.interests).rank(&people))
    });
}

/// The share tables as shipped, and the held-out maps (tests/data/heldout: written by hand,
/// never used to build or tune the tables).
const SHARE_MODEL: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/public/share-model-2.bin"
));
const HELD_OUT: [&str; 12] = [
    include_str!("../tests/data/heldout/01-community-nurse-wales.json"),
    include_str!("../tests/data/heldout/02-backend-engineer.json"),
    include_str!("../tests/data/heldout/03-film-student-lodz.json"),
    include_str!("../tests/data/heldout/04-dairy-farmer.json"),
    include_str!("../tests/data/heldout/05-retired-gp.json"),
    include_str!("../tests/data/heldout/06-saas-founder.json"),
    include_str!("../tests/data/heldout/07-teacher-runner.json"),
    include_str!("../tests/data/heldout/08-urban-planning-student.json"),
    include_str!("../tests/data/heldout/09-retired-engineer.json"),
    include_str!("../tests/data/heldout/10-apprentice-electrician.json"),
    include_str!("../tests/data/heldout/11-parish-priest.json"),
    include_str!("../tests/data/heldout/12-shetland-boatbuilder.json"),
];

fn payload_of(json: &str) -> SharePayload {
    share_payload(&serde_json::from_str(json).expect("a held-out map")).expect("a held-out map")
}

#[wasm_bindgen_bench]
fn share_link_of_the_longest_held_out_map(c: &mut Criterion) {
    short(c);
    let model = ShareModel::from_bytes(SHARE_MODEL).expect("the shipped tables read");
    // The slowest case is the longest link: the map with the most words off the tables.
    let payload = HELD_OUT
        .iter()
        .map(|json| payload_of(json))
        .max_by_key(|p| encode_with(p, Some(&model)).len())
        .expect("twelve maps");
    let link = encode_with(&payload, Some(&model));
    assert_eq!(decode_with(&link, Some(&model)).as_ref(), Ok(&payload));
    c.bench_function("share-encode-decode-browser", |b| {
        b.iter(|| decode_with(&encode_with(&payload, Some(&model)), Some(&model)))
    });
}
