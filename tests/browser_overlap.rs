//! The overlap engine in a real browser: me against the 5,000-person sample, as the People and
//! event pages would compute it. Run by `scripts/bench` (wasm-bindgen-test-runner drives
//! headless Chromium); the time is printed, never asserted — machines are noisy.
#![cfg(target_arch = "wasm32")]

use common_ground::core::model::Interest;
use common_ground::core::overlap::MyKeys;
use common_ground::core::sample::{gunzip_text, network_from_json};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const NETWORK_GZ: &[u8] = include_bytes!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/network-5000.json.gz"
));

#[wasm_bindgen_test]
fn rank_me_against_five_thousand_people() {
    let json = gunzip_text(NETWORK_GZ).expect("the sample network unpacks");
    let doc = network_from_json(&json).expect("the sample network parses");
    let people: Vec<(String, &[Interest])> = doc
        .people
        .values()
        .map(|p| (p.id.0.clone(), p.interests.as_slice()))
        .collect();
    const RUNS: usize = 15;
    let mut times = Vec::with_capacity(RUNS);
    let mut ranked = Vec::new();
    for _ in 0..RUNS {
        let start = js_sys::Date::now();
        ranked = MyKeys::new(&doc.me.interests).rank(&people);
        times.push(js_sys::Date::now() - start);
    }
    times.sort_by(|a, b| a.total_cmp(b));
    console_log!(
        "BENCH rank-5000-browser median_ms={:.1} max_ms={:.1} people={}",
        times[RUNS / 2],
        times[RUNS - 1],
        ranked.len()
    );
    assert_eq!(ranked.len(), 5_000);
    assert!(ranked.windows(2).all(|w| w[0].score >= w[1].score));
}
