//! Share-link sizes and speed on the sample maps, as a Markdown table for the README.
//!
//! `cargo bench --bench share`. Sizes are exact; times are the median of many runs on this
//! machine, natively (the browser's wasm is a few times slower).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use common_ground::core::model::{default_categories, Contact, Interest};
use common_ground::core::qr::qr_svg;
use common_ground::core::share::{decode, encode, payload_bytes, SharePayload, VOCABULARY};
use serde::{Deserialize, Serialize};
use std::hint::black_box;
use std::time::{Duration, Instant};

const SAMPLE_MAPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/maps");
const ORIGIN: &str = "https://commonground.example/#/m/";
const FRAGMENT_BUDGET: usize = 300;
const RATIO_BUDGET: f64 = 0.5;
const QR_VERSION_BUDGET: u8 = 13;

#[derive(Serialize, Deserialize)]
struct NeutralMap {
    name: String,
    what: String,
    interests: Vec<NeutralInterest>,
}

#[derive(Serialize, Deserialize)]
struct NeutralInterest {
    label: String,
    category: String,
}

fn payload_of(map: &NeutralMap) -> SharePayload {
    let categories = default_categories();
    let interests = map
        .interests
        .iter()
        .map(|i| {
            let category = categories
                .iter()
                .find(|c| c.name == i.category)
                .map(|c| c.id.clone())
                .unwrap_or_else(|| panic!("unknown category {:?}", i.category));
            Interest::new(i.label.clone(), category)
        })
        .collect();
    SharePayload::new(
        map.name.clone(),
        map.what.clone(),
        interests,
        Contact::default(),
        "",
        &categories,
    )
}

/// Median time of one call, over enough calls to last about 50 ms.
fn median_time(mut f: impl FnMut()) -> Duration {
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < 5 || (started.elapsed() < Duration::from_millis(50) && times.len() < 10_000)
    {
        let t = Instant::now();
        f();
        times.push(t.elapsed());
    }
    times.sort();
    times[times.len() / 2]
}

fn main() {
    let mut files: Vec<_> = std::fs::read_dir(SAMPLE_MAPS)
        .unwrap_or_else(|e| panic!("{SAMPLE_MAPS}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();

    println!("Share links on the sample maps (link = `{ORIGIN}` + fragment).\n");
    println!(
        "| map | interests | vocabulary hits | body | fragment chars | budget | JSON+deflate+base64url chars | ratio | budget | QR version (EC M) | budget | encode µs | decode µs |"
    );
    println!("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let mut all_within = true;
    for path in files {
        let map: NeutralMap = serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let payload = payload_of(&map);
        let fragment = encode(&payload);
        assert_eq!(
            decode(&fragment).as_ref(),
            Ok(&payload),
            "{}",
            path.display()
        );
        let json = serde_json::to_vec(&map).unwrap();
        let baseline = URL_SAFE_NO_PAD
            .encode(miniz_oxide::deflate::compress_to_vec(&json, 10))
            .len();
        let ratio = fragment.len() as f64 / baseline as f64;
        let qr = qr_svg(&format!("{ORIGIN}{fragment}")).expect("fits in a QR code");
        let encode_time = median_time(|| {
            black_box(encode(black_box(&payload)));
        });
        let decode_time = median_time(|| {
            black_box(decode(black_box(&fragment)).ok());
        });

        // Labels equal to an entry in some case (most restore exactly as an entry).
        let in_vocabulary = payload
            .interests
            .iter()
            .filter(|i| VOCABULARY.iter().any(|v| v.eq_ignore_ascii_case(&i.label)))
            .count();
        // The flags byte: bit 0 set when deflate beat the packed body.
        let body = if payload_bytes(&payload)[1] & 1 == 1 {
            "deflated"
        } else {
            "stored"
        };
        let fragment_budget = payload.interests.len() <= 30;
        let within = (!fragment_budget || fragment.len() <= FRAGMENT_BUDGET)
            && ratio <= RATIO_BUDGET
            && (!fragment_budget || qr.version <= QR_VERSION_BUDGET);
        all_within &= within;
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {:.2} | ≤ {:.2} | {} | {} | {:.1} | {:.1} |",
            path.file_name().unwrap().to_string_lossy(),
            payload.interests.len(),
            in_vocabulary,
            body,
            fragment.len(),
            if fragment_budget {
                format!("≤ {FRAGMENT_BUDGET}")
            } else {
                "–".into()
            },
            baseline,
            ratio,
            RATIO_BUDGET,
            qr.version,
            if fragment_budget {
                format!("≤ {QR_VERSION_BUDGET}")
            } else {
                "–".into()
            },
            encode_time.as_secs_f64() * 1e6,
            decode_time.as_secs_f64() * 1e6,
        );
    }
    println!(
        "\nBudgets (fragment and QR apply to maps of up to 30 interests): {}",
        if all_within { "all met" } else { "NOT MET" }
    );
}
