//! Saved links of every format: each must open, forever, to exactly the payload saved beside
//! it. The files under tests/data/links/ never change; a new format adds a folder.
//!
//! format-1/ was made with the format-1 encoder before format 2 existed, format-2/ with the
//! first format-2 encoder, format-3/ with the first format-3 encoder; each locked link was
//! sealed by the app's own WebCrypto code (tests/data/links/make-locked.mjs).

use super::*;
use crate::core::share::words::shipped;
use serde_json::{json, Value};

const LINKS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/links");

/// A payload in the fixtures' JSON shape (categories by id).
pub(super) fn golden_json(p: &SharePayload) -> Value {
    json!({
        "name": p.name,
        "what": p.what,
        "contact": {
            "phone": p.contact.phone,
            "email": p.contact.email,
            "web": p.contact.web,
            "social": p.contact.social,
        },
        "message": p.message,
        "categories": p.categories.iter()
            .map(|c| json!({"id": c.id.as_str(), "name": c.name}))
            .collect::<Vec<_>>(),
        "interests": p.interests.iter()
            .map(|i| json!({"label": i.label, "category": i.category.as_str()}))
            .collect::<Vec<_>>(),
    })
}

fn fixtures(format: &str) -> Vec<(String, Value)> {
    let folder = format!("{LINKS}/{format}");
    let mut found: Vec<_> = std::fs::read_dir(&folder)
        .unwrap_or_else(|e| panic!("{folder}: {e}"))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            (name, value)
        })
        .collect();
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

fn check_fixtures(format: &str, version: u8, min: usize) {
    let found = fixtures(format);
    assert!(found.len() >= min, "{format}: {} links", found.len());
    let mut locked = 0;
    for (name, fixture) in found {
        let link = fixture["link"].as_str().unwrap();
        let expected = &fixture["payload"];
        let bytes = base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, link)
            .unwrap();
        assert_eq!(bytes[0], version, "{name}");
        if let Some(plaintext) = fixture["plaintext"].as_str() {
            locked += 1;
            let Ok(Decoded::Sealed {
                ciphertext,
                iterations,
                ..
            }) = decode_envelope_with(link, Some(shipped()))
            else {
                panic!("{name}: not a locked link");
            };
            assert_eq!(iterations, PBKDF2_ITERATIONS, "{name}");
            let plain = base64::Engine::decode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                plaintext,
            )
            .unwrap();
            assert_eq!(ciphertext.len(), plain.len() + GCM_TAG_LEN, "{name}");
            assert_eq!(plain[0], version, "{name}");
            let p = payload_from_bytes_with(&plain, Some(shipped())).unwrap();
            assert_eq!(&golden_json(&p), expected, "{name}");
        } else {
            let p = decode_with(link, Some(shipped())).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(&golden_json(&p), expected, "{name}");
            let ahead = Some(p.name.clone()).filter(|n| version == 3 && !n.trim().is_empty());
            assert_eq!(peek_name(&bytes), ahead, "{name}: the name read ahead");
            if version == 1 {
                assert_eq!(decode_with(link, None), Ok(p), "{name} without the tables");
            }
        }
    }
    assert!(locked >= 1, "{format}: no locked link");
}

#[test]
fn every_saved_format_1_link_opens_to_its_payload() {
    check_fixtures("format-1", 1, 10);
}

#[test]
fn every_saved_format_2_link_opens_to_its_payload() {
    check_fixtures("format-2", 2, 10);
}

#[test]
fn every_saved_format_3_link_opens_to_its_payload() {
    check_fixtures("format-3", 3, 10);
}

/// Writes tests/data/links/format-N/ for the newest format (once: never over an existing
/// file). Run with `cargo test write_newest_format_links -- --ignored`, then seal
/// `locked-plain.json.txt` with make-locked.mjs.
#[test]
#[ignore]
fn write_newest_format_links() {
    let dir = format!("{LINKS}/format-{FORMAT_VERSION}");
    std::fs::create_dir_all(&dir).unwrap();
    let mut all: Vec<(String, SharePayload)> = vec![
        ("empty".into(), SharePayload::default()),
        ("full-payload".into(), a_full_payload()),
    ];
    for (name, _, p) in sample_maps() {
        all.push((format!("sample-{}", name.trim_end_matches(".json")), p));
    }
    let mut big = SharePayload {
        name: "Repetitive Rita".into(),
        ..SharePayload::default()
    };
    for i in 0..120 {
        big.interests.push(Interest::new(
            format!("knitting club meeting number {}", i % 7),
            CategoryId::new("hobbies"),
        ));
    }
    all.push(("120-interests".into(), big));
    let mut accents = a_full_payload();
    accents.name = "Siân Aïsha Kieślowski".into();
    accents.what = "PB 24:10 — parkrun".into();
    all.push(("accents".into(), accents));
    for (name, p) in all {
        let path = format!("{dir}/{name}.json");
        if std::path::Path::new(&path).exists() {
            continue;
        }
        let link = encode_with(&p, Some(shipped()));
        let v = json!({"link": link, "payload": golden_json(&p)});
        std::fs::write(path, serde_json::to_string_pretty(&v).unwrap() + "\n").unwrap();
    }
    let p = a_full_payload();
    let plain = payload_bytes_with(&p, Some(shipped()));
    let v = json!({"plaintext": b64(&plain), "payload": golden_json(&p)});
    std::fs::write(
        format!("{dir}/locked-plain.json.txt"),
        serde_json::to_string_pretty(&v).unwrap(),
    )
    .unwrap();
}
