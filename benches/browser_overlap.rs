//! The overlap engine in a real browser: me against the 5,000-person sample, as the People and
//! event pages would compute it. Run by `scripts/bench` (`cargo bench --target
//! wasm32-unknown-unknown --features sample --bench browser_overlap`: wasm-bindgen-test-runner
//! drives headless Chromium); the time is printed, never asserted — machines are noisy.
#![cfg(target_arch = "wasm32")]

use common_ground::core::model::Interest;
use common_ground::core::overlap::MyKeys;
use common_ground::core::sample::{gunzip_text, network_from_json};
use wasm_bindgen_test::{wasm_bindgen_bench, wasm_bindgen_test_configure, Criterion};

wasm_bindgen_test_configure!(run_in_browser);

const NETWORK_GZ: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/network-5000.json.gz"
));

#[wasm_bindgen_bench]
fn rank_me_against_five_thousand_people(c: &mut Criterion) {
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
