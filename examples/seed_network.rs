//! Prints the localStorage records of the sample network, for the in-browser benchmark
//! (`scripts/bench`), as one JSON object `{ key: value }`:
//!
//! ```text
//! cargo run --release --features sample --example seed_network [-- NETWORK.json] > seed.json
//! cargo run --release --features sample --example seed_network -- --person-template [NETWORK.json]
//! ```
//!
//! `--person-template` prints instead a single person record of the sample's shape with exactly
//! 10 interests and a 200-character note, under an app-style 12-character id, for the
//! "people that fit in a 5 MiB quota" figure (the benchmark varies the id).

use common_ground::core::records::{all_records, person_record};
use common_ground::core::sample::{network_from_json, network_json, NETWORK_GZ_PATH, SAMPLE_TIME};
use std::process::ExitCode;

/// The budget's person: 10 interests and a 200-character note.
const INTERESTS: usize = 10;
const NOTE_CHARS: usize = 200;
/// The app's ids are 12 characters of base-32 (`store::clock::new_id`).
const TEMPLATE_ID: &str = "000000000000";

fn main() -> ExitCode {
    let mut template = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--person-template" => template = true,
            "-h" | "--help" => {
                eprintln!("usage: seed_network [--person-template] [NETWORK.json]");
                return ExitCode::SUCCESS;
            }
            _ => path = Some(arg),
        }
    }
    // Without an argument: the sample network the repository ships (tests/data, gzipped).
    let read = match &path {
        Some(path) => std::fs::read_to_string(path).map_err(|e| e.to_string()),
        None => network_json(),
    };
    let path = path.unwrap_or_else(|| NETWORK_GZ_PATH.to_string());
    let json = match read {
        Ok(json) => json,
        Err(e) => {
            eprintln!("seed_network: cannot read {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let doc = match network_from_json(&json) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("seed_network: {path} is not a sample network: {e}");
            return ExitCode::FAILURE;
        }
    };

    let records = if template {
        // The first person (by id order, so the choice is fixed) with at least 10 interests
        // once repeats are dropped, cut to exactly 10, the note cut or padded to 200 characters.
        let Some(source) = doc.people.values().find(|p| p.interests.len() >= INTERESTS) else {
            eprintln!("seed_network: nobody in {path} has {INTERESTS} interests");
            return ExitCode::FAILURE;
        };
        let mut person = source.clone();
        person.id.0 = TEMPLATE_ID.into();
        person.interests.truncate(INTERESTS);
        let mut note: String = person.notes.chars().take(NOTE_CHARS).collect();
        while note.chars().count() < NOTE_CHARS {
            let more = if person.notes.is_empty() {
                "Ask about the school run and the half-marathon. ".to_string()
            } else {
                format!(" {}", person.notes)
            };
            note.push_str(&more);
            note = note.chars().take(NOTE_CHARS).collect();
        }
        person.notes = note;
        // 13-digit millisecond stamps, as a person typed in today has.
        person.created = SAMPLE_TIME;
        person.updated = SAMPLE_TIME;
        vec![person_record(&person)]
    } else {
        all_records(&doc)
    };

    let object: serde_json::Map<String, serde_json::Value> = records
        .into_iter()
        .map(|(k, v)| (k, serde_json::Value::String(v)))
        .collect();
    match serde_json::to_string(&object) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("seed_network: {e}");
            ExitCode::FAILURE
        }
    }
}
